// `npm run bench:startup` (or `node bench/startup.ts` on Node 24): the CPU time (user + system) of
// the built steps of a job that mints, against the fake API over https with no added latency, less
// that of `node -e 0`. Where `npm run bench` counts round trips, this counts the work a step does
// besides waiting: loading its bundle, TLS, parsing. Several builds are run in turn in each run
// (interleaved), so that the machine's load falls on all of them alike.
//
//   node bench/startup.ts [--runs 9] [--databases 2] [--action DIR]...
//
// Each --action is a folder with action.yml and dist/ (default: this repository), e.g. a copy of
// an older build. The figures are the median (min–max) of the runs, and for each build after the
// first, the median of its per-run differences from the first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runJob } from '../test/harness/index.ts';
import { summarize, timeProcess, type Summary } from './measure.ts';
import { CA_CERT, actionInputs, startSeededFake } from './scenario.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    databases: { type: 'string', default: '2' },
    action: { type: 'string', multiple: true },
  },
});
const runs = Number(args.runs);
const databases = Number(args.databases);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number, at least 1');
if (!Number.isInteger(databases) || databases < 1 || databases > 16) throw new Error('--databases must be 1 to 16');

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const builds = (args.action?.length ? args.action : [repo]).map((dir) => resolve(dir));
for (const dir of builds)
  for (const entry of ['main', 'post'])
    if (!existsSync(join(dir, 'dist', entry, 'index.js'))) throw new Error(`${join(dir, 'dist', entry, 'index.js')} is missing`);
const repoNode = join(repo, 'node_modules', 'node', 'bin', 'node');
const nodePath = existsSync(repoNode) ? repoNode : process.execPath;
const preload = fileURLToPath(new URL('cpu-at-exit.cjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'startup-cpu-'));

interface Cpu {
  script: string;
  user: number;
  system: number;
}

/** Runs `run` with the preload, and returns the CPU milliseconds of each Node process it started, by script. */
async function cpuOf(run: (env: Record<string, string>) => Promise<void>): Promise<Map<string, number>> {
  const out = join(scratch, 'cpu.jsonl');
  rmSync(out, { force: true });
  await run({ NODE_OPTIONS: `--require=${preload}`, BENCH_CPU_OUT: out });
  const byScript = new Map<string, number>();
  for (const line of readFileSync(out, 'utf8').trim().split('\n')) {
    const { script, user, system } = JSON.parse(line) as Cpu;
    byScript.set(script, (user + system) / 1000);
  }
  return byScript;
}

const { fake, minting } = await startSeededFake();
const samples = builds.map(() => ({ main: [] as number[], post: [] as number[] }));
const nodeE0: number[] = [];
try {
  for (let run = 0; run <= runs; run++) {
    const keep = run > 0; // run 0 warms up disk caches and is not counted
    const order = builds.map((_, i) => i);
    if (run % 2 === 1) order.reverse(); // neither build always goes first
    for (const i of order) {
      const actionDir = builds[i]!;
      const cpu = await cpuOf(async (env) => {
        fake.clearRequests();
        const job = await runJob({
          actionDir,
          inputs: actionInputs(databases, minting, fake.url),
          env: { ...env, NODE_EXTRA_CA_CERTS: CA_CERT },
          nodePath,
        });
        if (job.main.exitCode !== 0 || job.post?.exitCode !== 0 || fake.mintedTokens().length > 0)
          throw new Error(`${actionDir}: the job failed: ${job.main.errors.concat(job.post?.errors ?? []).join('; ')}`);
      });
      const of = (entry: string) => cpu.get(join(actionDir, 'dist', entry, 'index.js'));
      const [main, post] = [of('main'), of('post')];
      if (main === undefined || post === undefined) throw new Error(`${actionDir}: no CPU figure for a step`);
      if (keep) {
        samples[i]!.main.push(main);
        samples[i]!.post.push(post);
      }
    }
    const bare = await cpuOf(async (env) => {
      const node = await timeProcess(nodePath, ['-e', '0'], { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env });
      if (node.code !== 0) throw new Error(`node -e 0 failed: ${node.stderr}`);
    });
    if (keep) nodeE0.push(bare.get('-e')!);
  }
} finally {
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const show = (s: Summary) => `${ms(s.median)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const node = summarize(nodeE0);
console.log(`CPU time (user + system), median (min–max) of ${runs} runs, ${databases} databases + organization, no added latency`);
console.log(`node -e 0: ${show(node)}`);
for (const [i, dir] of builds.entries()) {
  const main = summarize(samples[i]!.main);
  const post = summarize(samples[i]!.post);
  console.log(`${dir}`);
  console.log(`  main: ${show(main)}, ${ms(main.median - node.median)} above node -e 0`);
  console.log(`  post: ${show(post)}, ${ms(post.median - node.median)} above node -e 0`);
  if (i === 0) continue;
  // Paired by run (both builds ran within the same seconds): steadier than the medians' difference on a busy machine.
  const paired = (step: 'main' | 'post') => summarize(samples[i]![step].map((v, run) => v - samples[0]![step][run]!));
  console.log(`  against the first build, median of the per-run differences: main ${show(paired('main'))}, post ${show(paired('post'))}`);
}
