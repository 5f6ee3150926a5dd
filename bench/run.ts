// `npm run bench`: how long the action's steps take against PlanetScale's documented curl recipe
// for the same job, on the fake API behind a proxy that adds a fixed latency to every request.
// Prints tables and writes bench/results.json (see README, "Performance").
//
//   npm run bench -- [--rounds 7] [--latency 40] [--out bench/results.json] [--action DIR]
//
// --action runs another build (a folder with action.yml and dist/, e.g. a `git worktree` of an
// older commit), to compare two builds under the same conditions.
//
// The built dist/ is run as the runner runs it (test/harness), with the Node 24 binary the repo
// brings (node_modules/node); measurements of one round are interleaved so that noise from other
// work on the machine falls on all of them alike.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runJob, runStep } from '../test/harness/index.ts';
import { startLatencyProxy } from './latency-proxy.ts';
import { summarize, timeProcess } from './measure.ts';
import { checkTargets, formatTables, formatTargets, ratio, type Results } from './report.ts';
import { ORG, actionInputs, recipeEnv, startSeededFake } from './scenario.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    latency: { type: 'string', default: '40' },
    out: { type: 'string', default: 'bench/results.json' },
    action: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const latencyMs = Number(args.latency);
if (!Number.isInteger(rounds) || rounds < 5) throw new Error('--rounds must be a whole number, at least 5');
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be a number of milliseconds, 0 or more');

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const actionDir = resolve(args.action ?? repo);
const recipe = join(repo, 'bench', 'curl-recipe.sh');
const repoNode = join(repo, 'node_modules', 'node', 'bin', 'node');
const nodePath = existsSync(repoNode) ? repoNode : process.execPath;
for (const entry of ['main', 'post']) {
  if (!existsSync(join(actionDir, 'dist', entry, 'index.js'))) throw new Error(`${join(actionDir, 'dist', entry, 'index.js')} is missing: run npm run build first`);
}
const bareEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp' };
const version = (command: string, flag: string) => execFileSync(command, [flag], { encoding: 'utf8' }).split('\n')[0]!.trim();

const { fake, minting } = await startSeededFake();
const proxy = await startLatencyProxy(fake.url, latencyMs);

/** Fails the benchmark when a run did not do the job: a figure for a broken path means nothing. */
function expectJobDone(what: string, grants: number): void {
  const calls = fake.requests;
  const failed = calls.filter((c) => c.status >= 300);
  const count = (method: string, suffix: RegExp) => calls.filter((c) => c.method === method && suffix.test(c.path)).length;
  const counts = { create: count('POST', /\/service-tokens$/), grants: count('POST', /\/access$/), deletes: count('DELETE', /\/service-tokens\/[^/]+$/) };
  const alive = fake.mintedTokens();
  if (failed.length > 0 || counts.create !== 1 || counts.grants !== grants || counts.deletes !== 1 || alive.length > 0) {
    throw new Error(
      `${what} did not do the job: ${JSON.stringify(counts)} (expected 1 create, ${grants} grants, 1 delete), ` +
        `${failed.length} failed calls, ${alive.length} minted tokens left alive`,
    );
  }
  fake.clearRequests();
}

let recipeRuns = 0;
async function runRecipe(databases: number): Promise<number> {
  fake.clearRequests();
  const run = await timeProcess('bash', [recipe], recipeEnv(databases, minting, proxy.url, `bench-recipe-${++recipeRuns}`));
  if (run.code !== 0) throw new Error(`curl recipe failed (exit ${run.code}): ${run.stderr}`);
  expectJobDone(`curl recipe (${databases} databases)`, databases + 1);
  return run.ms;
}

async function runAction(databases: number): Promise<{ main: number; post: number }> {
  fake.clearRequests();
  const job = await runJob({ actionDir, inputs: actionInputs(databases, minting, proxy.url), nodePath });
  if (job.main.exitCode !== 0 || job.post?.exitCode !== 0) {
    throw new Error(`action failed (main ${job.main.exitCode}, post ${job.post?.exitCode}): ${job.main.errors.concat(job.post?.errors ?? []).join('; ')}`);
  }
  expectJobDone(`action (${databases} databases)`, databases + 1);
  return { main: job.main.durationMs, post: job.post.durationMs };
}

/** One curl DELETE of a token seeded straight into the fake (not timed). */
async function runCurlDelete(): Promise<number> {
  const doomed = fake.addServiceToken(ORG, { organization: ['read_databases'] });
  const url = `${proxy.url}/v1/organizations/${ORG}/service-tokens/${doomed.id}`;
  const auth = `Authorization: ${minting.id}:${minting.token}`;
  const run = await timeProcess('curl', ['--silent', '--show-error', '--fail', '--request', 'DELETE', '--url', url, '--header', auth], bareEnv);
  if (run.code !== 0 || fake.token(doomed.id)?.deleted !== true) throw new Error(`curl DELETE failed (exit ${run.code}): ${run.stderr}`);
  fake.clearRequests();
  return run.ms;
}

/** Post when main minted nothing: what loading the bundle costs a job. */
async function runPostNothingToDo(): Promise<number> {
  const post = await runStep({ actionDir, step: 'post', nodePath });
  if (post.exitCode !== 0 || !post.maskedLog.includes('Nothing to clean up')) throw new Error(`post with nothing to do failed: ${post.maskedLog}`);
  return post.durationMs;
}

async function runNodeE0(): Promise<number> {
  const run = await timeProcess(nodePath, ['-e', '0'], bareEnv);
  if (run.code !== 0) throw new Error(`node -e 0 failed: ${run.stderr}`);
  return run.ms;
}

const SCALING = [1, 4, 16];
const STARTUP_SAMPLES_PER_ROUND = 3;
const samples = {
  main: [] as number[],
  post: [] as number[],
  recipe: [] as number[],
  curlDelete: [] as number[],
  postNothingToDo: [] as number[],
  nodeE0: [] as number[],
  scalingMain: SCALING.map(() => [] as number[]),
  scalingRecipe: SCALING.map(() => [] as number[]),
};

try {
  if (actionDir !== repo) console.log(`Action: ${actionDir}`);
  console.log(`Node ${version(nodePath, '--version')} (${relative(repo, nodePath) || nodePath}), ${cpus().length} cores; ${latencyMs} ms per request; ${rounds} rounds after a warm-up round.`);
  for (let round = 0; round <= rounds; round++) {
    const keep = round > 0; // round 0 warms up disk caches and is not counted
    const job = await runAction(2);
    const recipeMs = await runRecipe(2);
    const deleteMs = await runCurlDelete();
    const startup: [number, number][] = [];
    for (let i = 0; i < STARTUP_SAMPLES_PER_ROUND; i++) startup.push([await runPostNothingToDo(), await runNodeE0()]);
    const scaling: [number, number][] = [];
    for (const n of SCALING) scaling.push([(await runAction(n)).main, await runRecipe(n)]);
    if (!keep) continue;
    samples.main.push(job.main);
    samples.post.push(job.post);
    samples.recipe.push(recipeMs);
    samples.curlDelete.push(deleteMs);
    for (const [post, bare] of startup) {
      samples.postNothingToDo.push(post);
      samples.nodeE0.push(bare);
    }
    scaling.forEach(([main, recipeN], i) => {
      samples.scalingMain[i]!.push(main);
      samples.scalingRecipe[i]!.push(recipeN);
    });
    process.stdout.write(`round ${round}/${rounds}: main ${job.main.toFixed(0)} ms, curl recipe ${recipeMs.toFixed(0)} ms\n`);
  }
} finally {
  await proxy.close();
  await fake.close();
}

const timings = {
  main: summarize(samples.main),
  post: summarize(samples.post),
  recipe: summarize(samples.recipe),
  curlDelete: summarize(samples.curlDelete),
  postNothingToDo: summarize(samples.postNothingToDo),
  nodeE0: summarize(samples.nodeE0),
};
const ratios = {
  mainToRecipe: ratio(timings.main.median, timings.recipe.median),
  postToCurlDelete: ratio(timings.post.median, timings.curlDelete.median),
  mainAndPostToRecipe: ratio(timings.main.median + timings.post.median, timings.recipe.median),
};
const startupOverheadMs = Math.round((timings.postNothingToDo.median - timings.nodeE0.median) * 10) / 10;
const bundles = ['main', 'post'].map((entry) => {
  const dir = join(actionDir, 'dist', entry);
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)))
    .map((file) => ({ file: `dist/${entry}/${file}`, bytes: statSync(join(dir, file)).size }));
  return { entry: `dist/${entry}`, files, loadedAtStartBytes: files[0]!.bytes, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0) };
});
const results: Results = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    node: version(nodePath, '--version'),
    curl: version('curl', '--version'),
    jq: version('jq', '--version'),
  },
  date: new Date().toISOString(),
  latencyMs,
  rounds,
  timings,
  scaling: SCALING.map((databases, i) => {
    const main = summarize(samples.scalingMain[i]!);
    const recipeN = summarize(samples.scalingRecipe[i]!);
    return { databases, main, recipe: recipeN, ratio: ratio(main.median, recipeN.median) };
  }),
  startupOverheadMs,
  ratios,
  targets: checkTargets(timings),
  bundles,
};

console.log(`\n${formatTables(results)}\n\n${formatTargets(results.targets)}`);
writeFileSync(resolve(repo, args.out), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${args.out}.`);
