// `npm run mutate`: mutation testing of the pure modules with Stryker (https://stryker-mutator.io),
// running the unit and property tests (vitest.stryker.config.ts). Takes minutes: not in CI.
// Scope a run with `npx stryker run --mutate src/inputs/config.ts`; the HTML report is in reports/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/inputs/config.ts',
    'src/inputs/accesses.ts',
    'src/inputs/minting-credential.ts',
    'src/token/name.ts',
    'src/token/grants.ts',
    'src/steps/post/plan.ts',
    'src/planetscale/retry.ts',
    'src/report/explain.ts',
    'src/planetscale/errors.ts',
    'src/report/summary.ts',
    'src/token/sweep.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
};
