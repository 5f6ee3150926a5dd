// ESLint flat config: typescript-eslint's type-aware recommended rules for everything in
// TypeScript (sources, tests, scripts, bench), and Prettier owns formatting (eslint-config-prettier
// turns off the rules that would fight it). `npm run lint`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // test/tsconfig.json covers src/, test/, scripts/ and bench/ (with .ts imports allowed).
        project: ['./test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Where they earn their keep: a forgotten await on a delete would leave a token alive.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `_`-prefixed names are deliberately unused (destructuring a field away, ignored parameters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain JavaScript (this file, test fixtures that stand in for bundled actions): no type info.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    // Config files at the root are outside test/tsconfig.json.
    files: ['*.config.ts', '*.config.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
