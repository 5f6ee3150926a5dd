// The release workflow runs no dependency's code with a token that can write: the job that installs,
// builds and tests has a read-only token that checkout does not leave in git's config, and the job
// that can write runs no npm and takes the built files only after checking their sha256 against the
// one the build job recorded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: string | Record<string, string>;
  needs?: string | string[];
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  permissions?: string | Record<string, string>;
  jobs: Record<string, Job>;
}

const RUNS_NPM = /(^|[\s;&|(`$])(npm|npx)\s/m;
const SHA256_CHECK = /\bsha256sum\b[^\n]*(--check|-c)\b/;

/** Whether a permissions value grants any write; a job with none inherits the workflow's, and no
 *  permissions at all means the repository's default token, which may write. */
function writes(permissions: Job['permissions']): boolean {
  if (permissions === undefined) return true;
  if (typeof permissions === 'string') return permissions !== 'read-all';
  return Object.values(permissions).some((level) => level === 'write');
}

const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : [job.needs].flat());
const stepText = (step: Step): string => `${step.run ?? ''}\n${JSON.stringify(step.env ?? {})}`;

/** What is wrong with a release workflow's text, one line per problem. Pure. */
function releaseWorkflowProblems(text: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  const jobs = Object.entries(workflow.jobs);
  for (const [name, job] of jobs) {
    const permissions = job.permissions ?? workflow.permissions;
    const steps = job.steps ?? [];
    if (steps.some((s) => RUNS_NPM.test(s.run ?? '')) && writes(permissions))
      problems.push(`job ${name} runs npm with a token that can write`);
    if (writes(permissions) && steps.some((s) => s.uses?.startsWith('actions/setup-node@') || s.uses?.startsWith('./')))
      problems.push(`job ${name} can write and sets up node or runs this repository's action`);
    for (const step of steps)
      if (step.uses?.startsWith('actions/checkout@') && String(step.with?.['persist-credentials']) !== 'false')
        problems.push(`job ${name}: actions/checkout without persist-credentials: false`);
  }

  const writers = jobs.filter(([, job]) => writes(job.permissions ?? workflow.permissions));
  if (writers.length === 0) problems.push('no job can write: nothing creates the release');
  for (const [name, job] of writers) {
    const steps = job.steps ?? [];
    const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'));
    if (download < 0) problems.push(`job ${name} downloads no artifact`);
    // The digest must be one an upstream job recorded as an output, checked before the token is used.
    const recorded = needsOf(job).flatMap((upstream) =>
      Object.keys(workflow.jobs[upstream]?.outputs ?? {}).map((output) => `needs.${upstream}.outputs.${output}`),
    );
    const check = steps.findIndex((s) => SHA256_CHECK.test(s.run ?? '') && recorded.some((ref) => stepText(s).includes(ref)));
    const firstTokenUse = steps.findIndex((s) => stepText(s).includes('github.token'));
    if (check < 0) problems.push(`job ${name} does not check the artifact's sha256 against a needed job's output`);
    else if (check < download) problems.push(`job ${name} checks the sha256 before downloading the artifact`);
    else if (firstTokenUse >= 0 && firstTokenUse < check) problems.push(`job ${name} uses the token before checking the artifact's sha256`);
  }
  return problems;
}

const current = readFileSync(new URL('../../.github/workflows/release.yml', import.meta.url), 'utf8');

/** The current workflow with one change to one job, edited as data so the change cannot miss. */
function edited(change: (workflow: Workflow) => void): string {
  const workflow = parse(current) as Workflow;
  change(workflow);
  return JSON.stringify(workflow);
}

describe('release.yml', () => {
  it('runs npm only in a read-only job, checkout keeps no token, and the writing job checks the digest', () => {
    expect(releaseWorkflowProblems(current)).toEqual([]);
  });

  it('the checks find the jobs they check', () => {
    const workflow = parse(current) as Workflow;
    expect(Object.keys(workflow.jobs).sort()).toEqual(['build', 'release']);
    expect(workflow.jobs['build']!.steps!.some((s) => RUNS_NPM.test(s.run ?? ''))).toBe(true);
    expect(workflow.jobs['release']!.steps!.some((s) => SHA256_CHECK.test(s.run ?? ''))).toBe(true);
  });

  it('refuses the build job with a write permission, or inheriting the default token', () => {
    expect(releaseWorkflowProblems(edited((w) => void (w.jobs['build']!.permissions = { contents: 'write' })))).toContain(
      'job build runs npm with a token that can write',
    );
    expect(
      releaseWorkflowProblems(
        edited((w) => {
          delete w.jobs['build']!.permissions;
          delete w.permissions;
        }),
      ),
    ).toContain('job build runs npm with a token that can write');
  });

  it('refuses npm in the job that can write', () => {
    const problems = releaseWorkflowProblems(edited((w) => void w.jobs['release']!.steps!.push({ run: 'npm ci --no-audit --no-fund' })));
    expect(problems).toEqual(['job release runs npm with a token that can write']);
  });

  it('refuses a checkout that keeps its token', () => {
    const problems = releaseWorkflowProblems(
      edited((w) => void delete w.jobs['build']!.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))!.with),
    );
    expect(problems).toEqual(['job build: actions/checkout without persist-credentials: false']);
  });

  it("refuses a writing job without the digest check, or with one not tied to the build job's output", () => {
    const withoutCheck = edited((w) => {
      w.jobs['release']!.steps = w.jobs['release']!.steps!.filter((s) => !SHA256_CHECK.test(s.run ?? ''));
    });
    expect(releaseWorkflowProblems(withoutCheck)).toEqual([
      "job release does not check the artifact's sha256 against a needed job's output",
    ]);
    const untied = edited((w) => void delete w.jobs['build']!.outputs);
    expect(releaseWorkflowProblems(untied)).toEqual(["job release does not check the artifact's sha256 against a needed job's output"]);
  });

  it('refuses the one-job workflow that installed, built, tested and released with contents: write', () => {
    const oneJob = `
permissions:
  contents: read
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0
      - run: npm ci --no-audit --no-fund
      - run: npm run check:dist
      - env:
          GH_TOKEN: \${{ github.token }}
        run: gh release create "$TAG" --verify-tag
`;
    expect(releaseWorkflowProblems(oneJob)).toEqual([
      'job release runs npm with a token that can write',
      "job release can write and sets up node or runs this repository's action",
      'job release: actions/checkout without persist-credentials: false',
      'job release downloads no artifact',
      "job release does not check the artifact's sha256 against a needed job's output",
    ]);
  });
});
