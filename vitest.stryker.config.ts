// The tests Stryker runs against each mutant: the in-process ones (the e2e tests run dist/, which
// mutants of src/ do not reach).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(base, defineConfig({ test: { include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'] } }));
