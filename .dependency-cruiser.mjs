// The layering of src/, checked by `npm run lint` (dependency-cruiser,
// https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md).
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle, even through a type import, means two modules are one idea or a layer leaks.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'planetscale-stands-alone',
      severity: 'error',
      comment: 'The API client (src/planetscale/) imports nothing of the action: it could be published on its own.',
      from: { path: '^src/planetscale/' },
      to: { path: '^src/', pathNot: '^src/planetscale/' },
    },
    {
      name: 'inputs-are-pure',
      severity: 'error',
      comment:
        'Input parsing (src/inputs/) reaches neither the runner (@actions/core) nor HTTP (undici, src/planetscale/), not even for a type.',
      from: { path: '^src/inputs/' },
      to: { reachable: true, path: ['node_modules/@actions/core/', 'node_modules/undici/', '^src/planetscale/'] },
    },
    {
      name: 'only-steps-import-steps',
      severity: 'error',
      comment: "The steps' modules (src/steps/) are orchestration: only the steps and their run() entries import them.",
      from: { path: '^src/', pathNot: ['^src/steps/', '^src/(main|post)\\.ts$'] },
      to: { path: '^src/steps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
