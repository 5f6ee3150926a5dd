// docs/migrating.md: a step-level `env:` that still sets
// PLANETSCALE_SERVICE_TOKEN(_ID) beats what the action exported through GITHUB_ENV, so pscale in
// that step keeps using the long-lived token. Run as a workflow (test/workflow-runner), whose env
// layering is the runner's (test/harness/step-env.ts).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { stepEnvironment } from '../harness/index.ts';
import { runWorkflow } from '../workflow-runner/run.ts';
import { loadWorkflow } from '../workflow-runner/workflow.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOW = `
on: workflow_dispatch
jobs:
  migrate:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          org: acme
          minting-token-id: \${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}
          minting-token: \${{ secrets.PLANETSCALE_MINT_TOKEN }}
          database: app
          accesses: read_branch
      - id: before
        env:
          PLANETSCALE_SERVICE_TOKEN_ID: \${{ secrets.PLANETSCALE_SERVICE_TOKEN_ID }}
          PLANETSCALE_SERVICE_TOKEN: \${{ secrets.PLANETSCALE_SERVICE_TOKEN }}
        run: echo "id=$PLANETSCALE_SERVICE_TOKEN_ID" >> "$GITHUB_OUTPUT"
      - id: after
        run: echo "id=$PLANETSCALE_SERVICE_TOKEN_ID" >> "$GITHUB_OUTPUT"
`;

let fake: FakePlanetScale;
beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
});
afterAll(() => fake.close());

describe('migrating from a long-lived token', () => {
  it('the runner layers env as workflow < job < GITHUB_ENV < step', () => {
    expect(
      stepEnvironment({
        workflow: { A: 'workflow', B: 'workflow', C: 'workflow', D: 'workflow' },
        job: { B: 'job', C: 'job', D: 'job' },
        githubEnv: { C: 'github-env', D: 'github-env' },
        step: { D: 'step' },
      }),
    ).toEqual({ A: 'workflow', B: 'job', C: 'github-env', D: 'step' });
  });

  it('a step-level env: PLANETSCALE_SERVICE_TOKEN_ID keeps the old token in that step; without it, the minted one', async () => {
    const minting = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const longLived = fake.addServiceToken('acme', { databases: { app: ['read_branch'] } });
    const run = await runWorkflow({
      workflow: await loadWorkflow('migrating.yml', WORKFLOW),
      event: { name: 'workflow_dispatch', payload: { inputs: {} } },
      actionDir: root,
      apiUrl: fake.url,
      secrets: {
        PLANETSCALE_MINT_TOKEN_ID: minting.id,
        PLANETSCALE_MINT_TOKEN: minting.token,
        PLANETSCALE_SERVICE_TOKEN_ID: longLived.id,
        PLANETSCALE_SERVICE_TOKEN: longLived.token,
      },
    });
    expect(run.results).toEqual({ migrate: 'success' });
    const minted = run.minted[0]!.id;
    const steps = run.jobs[0]!.steps;
    expect(steps.find((s) => s.id === 'before')!.outputs).toEqual({ id: longLived.id });
    expect(steps.find((s) => s.id === 'after')!.outputs).toEqual({ id: minted });
    expect(minted).not.toBe(longLived.id);
    expect(fake.token(minted)?.deleted).toBe(true);
  });
});
