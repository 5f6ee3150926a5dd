import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['test/setup/fast-check-seed.ts'],
    coverage: {
      // `npm run coverage`. Only in-process code counts: the e2e tests run the built dist/ in child
      // processes, which v8 coverage of src/ does not see.
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: { statements: 0, branches: 0, functions: 0, lines: 0 },
    },
  },
});
