// Load: the built action (main then post, run as the runner runs it) against one fake API that
// rate-limits the one minting token every job shares, as PlanetScale does (600 requests a
// minute per credential, answered 429 with Retry-After over it). Not part of `npm test`: run
// `npm run load`. Phases (LOAD_PHASES, default all three):
//   burst  LOAD_RUNS jobs (40) at once, with a burst cap low enough to force 429s: all must succeed.
//   1x     Poisson arrivals at the rate one minting token can serve, over the window.
//   2x     the same at twice that rate.
// In 1x and 2x a job may fail, but only cleanly: it says it was rate-limited, main ends within
// its deadline, and its token is seen gone. At 1x too: arrivals at the mean rate still come in
// bursts above it, and the credential's budget is shared, so a job may wait out its deadline;
// failing so is honest and costs nothing, while a token left alive is never acceptable.
// Each job asks for LOAD_DATABASES databases (1) plus the organization: N + 4 calls (create, the
// read of the minting token's own accesses beside it, N grants, the organization grant, delete). LOAD_PER_MINUTE (600) and LOAD_BURST (10) set the
// limit, LOAD_WINDOW_S (60) how long arrivals last: a smaller limit or window makes a shorter run.
// LOAD_COUNT_REFUSED=1 makes the fake count refused requests against the budget too (PlanetScale
// does not say whether it does).
// Prints, per phase: runs, successes, clean failures, other failures, p50/p95 of main, 429s,
// retries and tokens left. Exits 1 if any phase misses its target.
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { FakePlanetScale } from './fake-planetscale/index.ts';
import { runJob, type JobResult } from './harness/index.ts';
import { jobsPerMinute, percentile, poissonArrivals } from './load-arrivals.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a number above 0, got ${process.env[name]}`);
  return value;
};
const RUNS = env('LOAD_RUNS', 40);
const LIMIT = {
  perMinute: env('LOAD_PER_MINUTE', 600),
  burst: env('LOAD_BURST', 10),
  countRefused: process.env['LOAD_COUNT_REFUSED'] === '1',
};
const WINDOW_MS = env('LOAD_WINDOW_S', 60) * 1000;
const DATABASES = Array.from({ length: env('LOAD_DATABASES', 1) }, (_, i) => `db${i + 1}`);
const PHASES = (process.env['LOAD_PHASES'] ?? 'burst,1x,2x').split(',').map((p) => p.trim());
const CALLS_PER_JOB = DATABASES.length + 4;
/** The longest a failing main may take: its 45 s deadline, then up to 8 s to delete (src/steps/main/mint-token.ts). */
const MAIN_LIMIT_MS = 45_000 + 8_000;
/** The longest post may take: a delete answered only 429 is retried for 5 minutes (src/steps/post/cleanup.ts), plus one call's timeout. */
const POST_LIMIT_MS = 5 * 60_000 + 10_000;

// LOAD_ACTION_DIR: another build to compare (a folder with its action.yml and dist/).
const actionDir = process.env['LOAD_ACTION_DIR'] ?? fileURLToPath(new URL('..', import.meta.url));

interface PhaseReport {
  phase: string;
  runs: number;
  successes: number;
  cleanFailures: number;
  otherFailures: number;
  mainP50Ms: number;
  mainP95Ms: number;
  postP95Ms: number;
  postMaxMs: number;
  rateLimited: number;
  retries: number;
  requests: number;
  tokensLeft: number;
  wallMs: number;
  /** The fake's event loop delay, p99 (see above). */
  loopLagP99Ms: number;
}

async function runPhase(phase: string, startTimes: number[], prose: string): Promise<PhaseReport> {
  const fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  for (const database of DATABASES) fake.addDatabase('acme', database);
  // One minting token for every job, as one repository's secrets would be: one rate-limit bucket.
  const minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
    databases: Object.fromEntries(DATABASES.map((database) => [database, ['read_branch', 'create_branch']])),
  });
  fake.faults.rateLimit(LIMIT);
  console.log(`\n== ${phase}: ${prose}`);

  // The fake shares this process with the harness of every job: a lagging event loop delays its
  // answers, and calls cut at their deadline then say "timed out". Shown so that it is not taken for the API's.
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  const started = performance.now();
  const jobs: JobResult[] = await Promise.all(
    startTimes.map(async (atMs, i) => {
      await new Promise((resolve) => setTimeout(resolve, atMs));
      return runJob({
        actionDir,
        inputs: {
          org: 'acme',
          'minting-token-id': minting.id,
          'minting-token': minting.token,
          accesses: DATABASES.map((database) => `${database}: read_branch, create_branch`).join('\n'),
          'org-accesses': 'read_databases',
          // A name per job, so that a token left alive can be traced to its job.
          name: `load-${i}`,
          'api-url': fake.url,
        },
        env: { GITHUB_JOB: `load-${i}` },
        timeoutMs: POST_LIMIT_MS + 30_000,
      });
    }),
  );
  const wallMs = performance.now() - started;
  lag.disable();

  const left = fake.mintedTokens();
  const leftBy = (i: number) => left.filter((token) => (token.name ?? '').startsWith(`load-${i}-`)).length;
  const failed = (job: JobResult) => job.main.exitCode !== 0 || job.post?.exitCode !== 0;
  // Clean: says it was rate-limited, each step ends within its bound, and its token is seen gone.
  const clean = (job: JobResult, i: number) =>
    /\b429\b|rate.limit/i.test([...job.main.errors, ...(job.post?.errors ?? [])].join('\n')) &&
    job.main.durationMs <= MAIN_LIMIT_MS &&
    (job.post?.durationMs ?? 0) <= POST_LIMIT_MS &&
    leftBy(i) === 0;
  const mainTimes = jobs.map((job) => job.main.durationMs).sort((a, b) => a - b);
  const postTimes = jobs.map((job) => job.post?.durationMs ?? 0).sort((a, b) => a - b);
  const report: PhaseReport = {
    phase,
    runs: jobs.length,
    successes: jobs.filter((job) => !failed(job)).length,
    cleanFailures: jobs.filter((job, i) => failed(job) && clean(job, i)).length,
    otherFailures: jobs.filter((job, i) => failed(job) && !clean(job, i)).length,
    mainP50Ms: Math.round(percentile(mainTimes, 50)),
    mainP95Ms: Math.round(percentile(mainTimes, 95)),
    postP95Ms: Math.round(percentile(postTimes, 95)),
    postMaxMs: Math.round(postTimes.at(-1) ?? NaN),
    rateLimited: fake.faults.stats.rateLimited,
    retries: jobs.reduce(
      (n, job) =>
        n +
        [job.main, job.post].reduce(
          (m, step) => m + (step?.maskedLog.match(/^PlanetScale API .* attempt \d+( of \d+)? failed/gm)?.length ?? 0),
          0,
        ),
      0,
    ),
    requests: fake.requests.length,
    tokensLeft: left.length,
    wallMs: Math.round(wallMs),
    loopLagP99Ms: Math.round(lag.percentile(99) / 1e6),
  };
  console.log(`runs:            ${report.runs}`);
  console.log(`successes:       ${report.successes}`);
  console.log(`clean failures:  ${report.cleanFailures} (rate-limited, within the deadline, token seen gone)`);
  console.log(`other failures:  ${report.otherFailures}`);
  console.log(`main p50 / p95:  ${report.mainP50Ms} / ${report.mainP95Ms} ms`);
  console.log(`post p95 / max:  ${report.postP95Ms} / ${report.postMaxMs} ms`);
  console.log(`429s:            ${report.rateLimited}`);
  console.log(`retries:         ${report.retries}`);
  console.log(`requests:        ${report.requests}`);
  console.log(`tokens left:     ${report.tokensLeft}`);
  console.log(`wall time:       ${report.wallMs} ms`);
  console.log(`loop lag p99:    ${report.loopLagP99Ms} ms (the fake's event loop, shared with the harness)`);
  const shown = jobs.map((job, i) => ({ job, i })).filter(({ job, i }) => failed(job) && (phase === 'burst' || !clean(job, i)));
  const sample = jobs.findIndex((job, i) => failed(job) && clean(job, i));
  if (sample >= 0)
    console.log(`a clean failure (main ${Math.round(jobs[sample]!.main.durationMs)} ms):`, jobs[sample]!.main.errors.join(' | '));
  for (const { job, i } of shown.slice(0, 3)) console.log(`--- a failed run (load-${i}):`, job.main.errors, job.post?.errors);
  await fake.close();
  return report;
}

const servedPerMinute = jobsPerMinute(LIMIT.perMinute, CALLS_PER_JOB);
console.log(
  `rate limit: ${LIMIT.perMinute}/min per credential, burst ${LIMIT.burst}${LIMIT.countRefused ? ', refused requests counted' : ''}; ${DATABASES.length} database(s) + organization = ${CALLS_PER_JOB} calls a job; ` +
    `one minting token serves ${Math.round(servedPerMinute * 10) / 10} jobs a minute.`,
);
const reports: PhaseReport[] = [];
let ok = true;
for (const phase of PHASES) {
  if (phase === 'burst') {
    const report = await runPhase(
      phase,
      Array.from({ length: RUNS }, () => 0),
      `${RUNS} jobs at once`,
    );
    ok &&= report.successes === report.runs && report.tokensLeft === 0;
    reports.push(report);
    continue;
  }
  const factor = /^(\d+(?:\.\d+)?)x$/.exec(phase)?.[1];
  if (!factor) throw new Error(`LOAD_PHASES: unknown phase ${JSON.stringify(phase)} (burst, 1x, 2x, …)`);
  const rate = Number(factor) * servedPerMinute;
  const arrivals = poissonArrivals(rate, WINDOW_MS);
  const report = await runPhase(
    phase,
    arrivals,
    `${arrivals.length} jobs, Poisson arrivals at ${Math.round(rate * 10) / 10}/min over ${WINDOW_MS / 1000} s`,
  );
  // Honest: every job succeeded or failed cleanly, and nothing is left alive (see the top).
  ok &&= report.tokensLeft === 0 && report.otherFailures === 0;
  reports.push(report);
}
console.log(`\n${JSON.stringify(reports)}`);
process.exitCode = ok ? 0 : 1;
