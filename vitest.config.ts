import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['test/setup/fast-check-seed.ts'],
    coverage: {
      // On in `npm test` (--coverage, so CI enforces the thresholds), off for a single file run with
      // `npx vitest run <file>`; `npm run coverage` adds the per-file table
      // and an HTML report in coverage/. Only in-process code counts: the e2e tests run the built
      // dist/ in child processes, which v8 coverage of src/ does not see (mint.ts, cleanup.ts,
      // main.ts and post.ts are covered there). The thresholds are what the suite reached when they
      // were set (statements 66.7, branches 68.8, functions 74.4, lines 66.9) less about 2 points:
      // raise them as tests are added, never lower them to pass.
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { statements: 64, branches: 66, functions: 72, lines: 64 },
    },
  },
});
