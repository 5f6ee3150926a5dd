// `npm run bench`: how long the action's steps take against PlanetScale's documented curl recipe
// for the same job, on the fake API served over https behind a TCP proxy that models the network
// (network-model.ts), at two round-trip times. Prints tables and writes bench/results.json (see
// docs/performance.md).
//
//   npm run bench -- [--rounds 7] [--low-rtt 40] [--high-rtt 160] [--out bench/results.json] [--action DIR]
//
// --action runs another build (a folder with action.yml and dist/, e.g. a `git worktree` of an
// older commit), to compare two builds under the same conditions.
//
// The built dist/ is run as the runner runs it (test/harness), with the Node 24 binary the repo
// brings (node_modules/node); measurements of one round are interleaved, at both RTTs, so that
// noise from other work on the machine falls on all of them alike. The round trips a measure
// waits are its growth from the low RTT to the high one: the headline figure, as it does not
// depend on the machine. The bench fails if the model itself is off (a curl call must wait 3).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runJob, runStep } from '../test/harness/index.ts';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.ts';
import { summarize, timeProcess } from './measure.ts';
import { roundTrips } from './network-model.ts';
import { checkModel, checkTargets, formatModelCheck, formatTables, formatTargets, ratio, type AtTwoRtts, type Results } from './report.ts';
import {
  CA_CERT,
  CREDENTIAL_DATABASES,
  ORG,
  actionInputs,
  credentialInputs,
  mintingAccessCount,
  recipeEnv,
  startSeededFake,
  type CredentialKind,
} from './scenario.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    'low-rtt': { type: 'string', default: '40' },
    'high-rtt': { type: 'string', default: '160' },
    out: { type: 'string', default: 'bench/results.json' },
    action: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const rtts = [Number(args['low-rtt']), Number(args['high-rtt'])] as const;
if (!Number.isInteger(rounds) || rounds < 5) throw new Error('--rounds must be a whole number, at least 5');
// Not 0: at 0, CPU work that a wait would otherwise hide lands in the baseline (network-model.ts).
if (!rtts.every((rtt) => Number.isFinite(rtt) && rtt > 0) || rtts[1] <= rtts[0]) {
  throw new Error('--low-rtt and --high-rtt must be milliseconds above 0, --high-rtt the larger');
}

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const actionDir = resolve(args.action ?? repo);
const recipe = join(repo, 'bench', 'curl-recipe.sh');
const repoNode = join(repo, 'node_modules', 'node', 'bin', 'node');
const nodePath = existsSync(repoNode) ? repoNode : process.execPath;
for (const entry of ['main', 'post']) {
  if (!existsSync(join(actionDir, 'dist', entry, 'index.js')))
    throw new Error(`${join(actionDir, 'dist', entry, 'index.js')} is missing: run npm run build first`);
}
const bareEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp' };
const version = (command: string, flag: string) => execFileSync(command, [flag], { encoding: 'utf8' }).split('\n')[0]!.trim();

const { fake, minting } = await startSeededFake();
const proxies = [await startLatencyProxy(fake.url, rtts[0]), await startLatencyProxy(fake.url, rtts[1])] as const;
/** The action trusts the fake's test certificate the way a runner would be told to. */
const trust = { NODE_EXTRA_CA_CERTS: CA_CERT };

/** What a job must have done: tokens created and deleted, grant calls, credentials made and deleted. */
interface Job {
  tokens: 0 | 1;
  grants: number;
  credentials: 0 | 1;
}

/** Fails the benchmark when a run did not do the job: a figure for a broken path means nothing. */
function expectJobDone(what: string, job: Job): void {
  const calls = fake.requests;
  const failed = calls.filter((c) => c.status >= 300);
  const count = (method: string, suffix: RegExp) => calls.filter((c) => c.method === method && suffix.test(c.path)).length;
  const counts = {
    create: count('POST', /\/service-tokens$/),
    grants: count('POST', /\/access$/),
    deletes: count('DELETE', /\/service-tokens\/[^/]+$/),
    credentialCreates: count('POST', /\/branches\/[^/]+\/(passwords|roles)$/),
    credentialDeletes: count('DELETE', /\/branches\/[^/]+\/(passwords|roles)\/[^/]+$/),
    // The minting token's own accesses: read in one call or not at all, never page after page.
    ownReads: calls.filter((c) => c.method === 'GET' && c.path.includes(`/service-tokens/${minting.id}`)).length,
  };
  const expected = {
    create: job.tokens,
    grants: job.grants,
    deletes: job.tokens,
    credentialCreates: job.credentials,
    credentialDeletes: job.credentials,
  };
  const alive = [...fake.mintedTokens().map((t) => `token ${t.name}`), ...liveCredentials()];
  const off = Object.entries(expected).filter(([key, n]) => counts[key as keyof typeof counts] !== n);
  if (failed.length > 0 || off.length > 0 || counts.ownReads > 1 || alive.length > 0) {
    throw new Error(
      `${what} did not do the job: ${JSON.stringify(counts)} (expected ${JSON.stringify(expected)}, at most 1 own read), ` +
        `${failed.length} failed calls, left alive: ${alive.join(', ') || 'nothing'}`,
    );
  }
  fake.clearRequests();
}

/** Passwords and roles the credential jobs made that are not deleted (default roles aside). */
function liveCredentials(): string[] {
  return [
    ...fake.passwords(ORG, CREDENTIAL_DATABASES.mysql).filter((p) => !p.deleted),
    ...fake.roles(ORG, CREDENTIAL_DATABASES.postgresql).filter((r) => !r.deleted && !r.isDefault),
  ].map((c) => `credential ${c.name}`);
}

let recipeRuns = 0;
async function runRecipe(proxy: LatencyProxy, databases: number): Promise<number> {
  fake.clearRequests();
  const run = await timeProcess('bash', [recipe], recipeEnv(databases, minting, proxy.url, `bench-recipe-${++recipeRuns}`));
  if (run.code !== 0) throw new Error(`curl recipe failed (exit ${run.code}): ${run.stderr}`);
  expectJobDone(`curl recipe (${databases} databases)`, { tokens: 1, grants: databases + 1, credentials: 0 });
  return run.ms;
}

async function runAction(proxy: LatencyProxy, databases: number): Promise<{ main: number; post: number }> {
  return runActionJob(`action (${databases} databases)`, actionInputs(databases, minting, proxy.url), {
    tokens: 1,
    grants: databases + 1,
    credentials: 0,
  });
}

/** A job that mints a database credential on `kind`'s bench branch, with a token or without. */
async function runCredential(proxy: LatencyProxy, kind: CredentialKind, withToken: boolean): Promise<{ main: number; post: number }> {
  const what = `action (${kind} credential${withToken ? ' and token' : ' only'})`;
  const job = { tokens: withToken ? 1 : 0, grants: withToken ? 1 : 0, credentials: 1 } as const;
  return runActionJob(what, credentialInputs(kind, withToken, minting, proxy.url), job);
}

async function runActionJob(what: string, inputs: Record<string, string>, expected: Job): Promise<{ main: number; post: number }> {
  fake.clearRequests();
  const job = await runJob({ actionDir, inputs, env: trust, nodePath });
  if (job.main.exitCode !== 0 || job.post?.exitCode !== 0) {
    throw new Error(
      `action failed (main ${job.main.exitCode}, post ${job.post?.exitCode}): ${job.main.errors.concat(job.post?.errors ?? []).join('; ')}`,
    );
  }
  expectJobDone(what, expected);
  return { main: job.main.durationMs, post: job.post.durationMs };
}

/** One curl DELETE of a token seeded straight into the fake (not timed). */
async function runCurlDelete(proxy: LatencyProxy): Promise<number> {
  const doomed = fake.addServiceToken(ORG, { organization: ['read_databases'] });
  const url = `${proxy.url}/v1/organizations/${ORG}/service-tokens/${doomed.id}`;
  const auth = `Authorization: ${minting.id}:${minting.token}`;
  const run = await timeProcess(
    'curl',
    ['--silent', '--show-error', '--fail', '--cacert', CA_CERT, '--request', 'DELETE', '--url', url, '--header', auth],
    bareEnv,
  );
  if (run.code !== 0 || fake.token(doomed.id)?.deleted !== true) throw new Error(`curl DELETE failed (exit ${run.code}): ${run.stderr}`);
  fake.clearRequests();
  return run.ms;
}

/** Post when main minted nothing: what loading the bundle costs a job. */
async function runPostNothingToDo(): Promise<number> {
  const post = await runStep({ actionDir, step: 'post', nodePath });
  if (post.exitCode !== 0 || !post.maskedLog.includes('Nothing to clean up'))
    throw new Error(`post with nothing to do failed: ${post.maskedLog}`);
  return post.durationMs;
}

async function runNodeE0(): Promise<number> {
  const run = await timeProcess(nodePath, ['-e', '0'], bareEnv);
  if (run.code !== 0) throw new Error(`node -e 0 failed: ${run.stderr}`);
  return run.ms;
}

const SCALING = [1, 4, 16];
/** The credential jobs: each kind, the credential only and with a token. */
const CREDENTIAL_JOBS = (['mysql', 'postgresql'] as const).flatMap((kind) => [false, true].map((withToken) => ({ kind, withToken })));
const STARTUP_SAMPLES_PER_ROUND = 3;
/** Samples by measure, one list per RTT (index as in `rtts`). */
const atRtts = () => [[], []] as [number[], number[]];
const samples = {
  main: atRtts(),
  post: atRtts(),
  recipe: atRtts(),
  curlDelete: atRtts(),
  postNothingToDo: [] as number[],
  nodeE0: [] as number[],
  scalingMain: SCALING.map(atRtts),
  scalingRecipe: SCALING.map(atRtts),
  credentialMain: CREDENTIAL_JOBS.map(atRtts),
  credentialPost: CREDENTIAL_JOBS.map(atRtts),
};

try {
  if (actionDir !== repo) console.log(`Action: ${actionDir}`);
  console.log(
    `Node ${version(nodePath, '--version')} (${relative(repo, nodePath) || nodePath}), ${cpus().length} cores; ` +
      `https through a proxy at RTT ${rtts[0]} ms and ${rtts[1]} ms; ${rounds} rounds after a warm-up round; ` +
      `the minting token holds ${mintingAccessCount()} accesses.`,
  );
  for (let round = 0; round <= rounds; round++) {
    const keep = round > 0; // round 0 warms up disk caches and is not counted
    const taken: { into: number[]; ms: number }[] = [];
    const take = (into: number[], ms: number) => taken.push({ into, ms });
    // Low RTT first in one round, high first in the next: drift in the machine's load falls on both.
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const proxy = proxies[i]!;
      const job = await runAction(proxy, 2);
      take(samples.main[i]!, job.main);
      take(samples.post[i]!, job.post);
      take(samples.recipe[i]!, await runRecipe(proxy, 2));
      take(samples.curlDelete[i]!, await runCurlDelete(proxy));
      for (const [k, n] of SCALING.entries()) {
        take(samples.scalingMain[k]![i]!, (await runAction(proxy, n)).main);
        take(samples.scalingRecipe[k]![i]!, await runRecipe(proxy, n));
      }
      for (const [k, { kind, withToken }] of CREDENTIAL_JOBS.entries()) {
        const job = await runCredential(proxy, kind, withToken);
        take(samples.credentialMain[k]![i]!, job.main);
        take(samples.credentialPost[k]![i]!, job.post);
      }
    }
    for (let i = 0; i < STARTUP_SAMPLES_PER_ROUND; i++) {
      take(samples.postNothingToDo, await runPostNothingToDo());
      take(samples.nodeE0, await runNodeE0());
    }
    if (!keep) continue;
    for (const { into, ms } of taken) into.push(ms);
    const last = (list: number[]) => list[list.length - 1]!.toFixed(0);
    process.stdout.write(
      `round ${round}/${rounds}: main ${last(samples.main[0])} / ${last(samples.main[1])} ms, curl recipe ${last(samples.recipe[0])} / ${last(samples.recipe[1])} ms\n`,
    );
  }
} finally {
  for (const proxy of proxies) await proxy.close();
  await fake.close();
}

function atTwoRtts([low, high]: [number[], number[]]): AtTwoRtts {
  const summaries = { low: summarize(low), high: summarize(high) };
  return { ...summaries, roundTrips: roundTrips(summaries.low.median, summaries.high.median, rtts[0], rtts[1]) };
}

const timings = {
  main: atTwoRtts(samples.main),
  post: atTwoRtts(samples.post),
  recipe: atTwoRtts(samples.recipe),
  curlDelete: atTwoRtts(samples.curlDelete),
  postNothingToDo: summarize(samples.postNothingToDo),
  nodeE0: summarize(samples.nodeE0),
};
const ratios = {
  mainToRecipe: ratio(timings.main.low.median, timings.recipe.low.median),
  postToCurlDelete: ratio(timings.post.low.median, timings.curlDelete.low.median),
  mainAndPostToRecipe: ratio(timings.main.low.median + timings.post.low.median, timings.recipe.low.median),
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
const scaling = SCALING.map((databases, k) => {
  const main = atTwoRtts(samples.scalingMain[k]!);
  const recipeN = atTwoRtts(samples.scalingRecipe[k]!);
  return { databases, main, recipe: recipeN, ratio: ratio(main.low.median, recipeN.low.median) };
});
const credentials = CREDENTIAL_JOBS.map(({ kind, withToken }, k) => ({
  kind,
  withToken,
  main: atTwoRtts(samples.credentialMain[k]!),
  post: atTwoRtts(samples.credentialPost[k]!),
}));
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
  rttMs: [rtts[0], rtts[1]],
  rounds,
  timings,
  scaling,
  credentials,
  startupOverheadMs,
  ratios,
  modelCheck: checkModel(timings.curlDelete.roundTrips),
  targets: checkTargets(timings, scaling.find((s) => s.databases === 16)!.main, credentials),
  bundles,
};

console.log(`\n${formatTables(results)}\n\n${formatModelCheck(results.modelCheck)}\n${formatTargets(results.targets)}`);
writeFileSync(resolve(repo, args.out), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${args.out}.`);
// Figures from a network that is not the model's mean nothing: fail (results are kept to look at).
if (!results.modelCheck.ok) {
  console.error('The network model is off: the round trips above cannot be trusted (a loaded machine? try more --rounds).');
  process.exitCode = 1;
}
