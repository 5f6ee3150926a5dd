// Load: 40 jobs (main then post, the built action run as the runner runs it) at once against one
// fake API limited to 600 requests a minute per credential, with a burst cap low enough to force
// 429s. Not part of `npm test`: run `npm run load`. Prints runs, successes, 429s seen, retries,
// p50/p95 main time and tokens left. Target: every run succeeds, 0 tokens left.
import { fileURLToPath } from 'node:url';
import { FakePlanetScale } from './fake-planetscale/index.ts';
import { runJob, type JobResult } from './harness/index.ts';

const RUNS = Number(process.env['LOAD_RUNS'] ?? 40);
const LIMIT = { perMinute: 600, burst: Number(process.env['LOAD_BURST'] ?? 10) };

const actionDir = fileURLToPath(new URL('..', import.meta.url));
const fake = await FakePlanetScale.start();
fake.addOrganization('acme');
fake.addDatabase('acme', 'app');
// One minting credential for every job, as one repository's secrets would be: one rate-limit bucket.
const minting = fake.addServiceToken('acme', {
  organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
  databases: { app: ['read_branch', 'create_branch'] },
});
fake.faults.rateLimit(LIMIT);

const started = performance.now();
const jobs: JobResult[] = await Promise.all(
  Array.from({ length: RUNS }, (_, i) =>
    runJob({
      actionDir,
      inputs: {
        org: 'acme',
        'service-token-id': minting.id,
        'service-token': minting.token,
        database: 'app',
        accesses: 'read_branch create_branch',
        'api-url': fake.url,
      },
      env: { GITHUB_JOB: `load-${i}` },
      timeoutMs: 120_000,
    }),
  ),
);
const wallMs = performance.now() - started;

const retries = jobs.reduce((n, job) => n + [job.main, job.post].reduce((m, step) => m + (step?.maskedLog.match(/^PlanetScale API .* attempt \d+ of \d+ failed/gm)?.length ?? 0), 0), 0);
const successes = jobs.filter((job) => job.main.exitCode === 0 && job.post?.exitCode === 0).length;
const mainTimes = jobs.map((job) => job.main.durationMs).sort((a, b) => a - b);
const percentile = (p: number) => mainTimes[Math.min(mainTimes.length - 1, Math.ceil((p / 100) * mainTimes.length) - 1)]!;
const tokensLeft = fake.mintedTokens().length;

console.log(`runs:        ${RUNS} (main+post each, all at once)`);
console.log(`rate limit:  ${LIMIT.perMinute}/min per credential, burst ${LIMIT.burst}`);
console.log(`successes:   ${successes}`);
console.log(`429s seen:   ${fake.faults.stats.rateLimited}`);
console.log(`retries:     ${retries}`);
console.log(`requests:    ${fake.requests.length}`);
console.log(`main p50:    ${Math.round(percentile(50))} ms`);
console.log(`main p95:    ${Math.round(percentile(95))} ms`);
console.log(`wall time:   ${Math.round(wallMs)} ms`);
console.log(`tokens left: ${tokensLeft}`);
for (const job of jobs.filter((j) => j.main.exitCode !== 0 || j.post?.exitCode !== 0).slice(0, 3)) {
  console.log('--- a failed run:', job.main.errors, job.post?.errors);
}
await fake.close();
process.exitCode = successes === RUNS && tokensLeft === 0 ? 0 : 1;
