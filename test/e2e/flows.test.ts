// The flows users adopt the action for, end to end: the built dist/ run as the runner runs it
// (test/harness) against the fake PlanetScale API, and the steps after it played by a small
// pscale stand-in that sees only the job's environment, as `pscale` in a later step would.
//   - branch per pull request, deploy request from it (token A, cannot approve or touch main);
//   - approval by a second token (B), because PlanetScale refuses self-approval;
//   - deploy and branch clean-up on merge (token C);
//   - a matrix: jobs in parallel, each with its own token for its own database.
// After every post step, every minted token is refused (401).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep, type StepResult } from '../harness/index.ts';
import { PscaleClient } from '../pscale-client.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
const DB = 'app';
let fake: FakePlanetScale;
let minting: { id: string; token: string };

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  // The setting that makes PlanetScale refuse a token's approval of its own deploy request.
  fake.addDatabase('acme', DB, { requireApprovalForDeploy: true });
  fake.addDatabase('acme', 'analytics');
  minting = fake.addServiceToken(
    'acme',
    {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
      databases: {
        [DB]: ['create_branch', 'read_branch', 'delete_branch', 'create_deploy_request', 'read_deploy_request', 'approve_deploy_request'],
        analytics: ['create_branch', 'read_branch'],
      },
    },
    { name: 'minting' },
  );
});
afterAll(() => fake.close());

interface JobRun {
  main: StepResult;
  post: StepResult;
  /** What the step after the action saw: the job's env with main's GITHUB_ENV additions on top. */
  client: PscaleClient;
  tokenId: string;
}

/**
 * One job: the action's main step, then `step` (the workflow's own step, given a pscale built
 * from the env the action exported), then the action's post step, which runs even when `step`
 * throws, as `post-if: always()` makes the runner do.
 */
async function job(
  inputs: Record<string, string>,
  step: (pscale: PscaleClient) => Promise<void>,
  env: Record<string, string> = {},
): Promise<JobRun> {
  const allInputs = {
    org: 'acme',
    'service-token-id': minting.id,
    'service-token': minting.token,
    'api-url': fake.url,
    ttl: '10m',
    ...inputs,
  };
  const main = await runStep({ actionDir, step: 'main', inputs: allInputs, env });
  expect(main.errors, main.maskedLog).toEqual([]);
  expect(main.exitCode).toBe(0);
  const stepEnv = { ...env, ...main.env };
  const client = PscaleClient.fromEnv(stepEnv);
  let stepError: unknown;
  try {
    await step(client);
  } catch (err) {
    stepError = err;
  }
  const post = await runStep({ actionDir, step: 'post', inputs: allInputs, env: stepEnv, state: main.state, masks: main.masks });
  if (stepError !== undefined) throw stepError;
  expect(post.errors, post.maskedLog).toEqual([]);
  expect(post.exitCode).toBe(0);
  return { main, post, client, tokenId: stepEnv['PLANETSCALE_SERVICE_TOKEN_ID']! };
}

describe('branch per pull request, deploy request, approval by a second token, deploy on merge', () => {
  it('works with minted tokens only, each refused what it was not given, all dead after their post steps', async () => {
    let number = 0;

    // Pull request opened: a branch for it and a deploy request from it.
    const open = await job(
      { database: DB, accesses: 'create_branch read_branch create_deploy_request read_deploy_request' },
      async (pscale) => {
        const branch = await pscale.createBranch(DB, 'pr-42', 'main');
        expect(branch.status).toBe(201);
        expect(branch.json).toMatchObject({ name: 'pr-42', parent_branch: 'main', production: false });
        const created = await pscale.createDeployRequest(DB, 'pr-42', { notes: 'PR #42' });
        expect(created.status).toBe(201);
        number = created.json.number;
        const read = await pscale.getDeployRequest(DB, number);
        expect(read.status).toBe(200);
        expect(read.json).toMatchObject({ number, branch: 'pr-42', into_branch: 'main', state: 'open', approved: false });
        expect((await pscale.getBranch(DB, 'pr-42')).status).toBe(200);

        // Refused what it was not given (PlanetScale answers 404 for a missing access).
        expect((await pscale.deleteBranch(DB, 'main')).status).toBe(404);
        expect((await pscale.deleteBranch(DB, 'pr-42')).status).toBe(404);
        expect((await pscale.reviewDeployRequest(DB, number, 'approved')).status).toBe(404);
        expect((await pscale.createBranch('analytics', 'pr-42')).status).toBe(404);
        expect((await pscale.getBranch(DB, 'main')).json.name).toBe('main'); // the production branch is still there
      },
    );

    // The deploy request's author is the minted token, not the long-lived minting token.
    expect(open.tokenId).not.toBe(minting.id);
    expect(fake.token(open.tokenId)?.accesses.databases).toEqual({
      [DB]: ['create_branch', 'read_branch', 'create_deploy_request', 'read_deploy_request'],
    });

    // Review job: a different token approves (PlanetScale refuses a token's own request).
    const approve = await job({ database: DB, accesses: 'approve_deploy_request read_deploy_request' }, async (pscale) => {
      const review = await pscale.reviewDeployRequest(DB, number, 'approved', 'LGTM');
      expect(review.status).toBe(201);
      expect(review.json).toMatchObject({ state: 'approved', body: 'LGTM' });
      expect((await pscale.getDeployRequest(DB, number)).json.approved).toBe(true);
      expect((await pscale.deployDeployRequest(DB, number)).status).toBe(404); // deploying is not its job
    });
    expect(approve.tokenId).not.toBe(open.tokenId);

    // Merged: deploy, then delete the pull request's branch.
    const merge = await job(
      { database: DB, accesses: 'create_deploy_request read_deploy_request delete_branch' },
      async (pscale) => {
        const deployed = await pscale.deployDeployRequest(DB, number);
        expect(deployed.status).toBe(200);
        expect(deployed.json).toMatchObject({ state: 'closed', deployment_state: 'complete' });
        expect((await pscale.deleteBranch(DB, 'pr-42')).status).toBe(204);
        expect((await pscale.deleteBranch(DB, 'main')).status).toBe(404); // delete_production_branch it was not given
      },
    );

    // The job summary: one table row per resource, with the token's name and expiry.
    expect(open.main.summary).toContain(
      `| \`${open.main.outputs['name']}\` | ${open.main.outputs['expires-at']} | app | Database | ` +
        '`create_branch`, `read_branch`, `create_deploy_request`, `read_deploy_request` |',
    );

    // Every token is refused now: deleted by its own post step.
    for (const run of [open, approve, merge]) {
      expect(fake.token(run.tokenId)?.deleted).toBe(true);
      const reply = await run.client.organizations();
      expect(reply.status).toBe(401);
      expect(reply.json.code).toBe('unauthorized');
      expect(run.post.summary).toContain('was deleted by the post step');
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('needs two tokens: one token given both accesses still cannot approve its own deploy request', async () => {
    const run = await job(
      { database: DB, accesses: 'create_branch create_deploy_request approve_deploy_request read_deploy_request' },
      async (pscale) => {
        expect((await pscale.createBranch(DB, 'pr-7')).status).toBe(201);
        const created = await pscale.createDeployRequest(DB, 'pr-7');
        expect(created.status).toBe(201);
        const refused = await pscale.reviewDeployRequest(DB, created.json.number, 'approved');
        expect(refused.status).toBe(403);
        expect((await pscale.getDeployRequest(DB, created.json.number)).json.approved).toBe(false);
      },
    );
    expect((await run.client.organizations()).status).toBe(401);
  });
});

describe('matrix: jobs in parallel, each with its own token', () => {
  it('gives each job a distinct token for its database only, and deletes every one', async () => {
    const databases = [DB, 'analytics'];
    const runs = await Promise.all(
      databases.map((database, i) =>
        job(
          { database, accesses: 'create_branch read_branch' },
          async (pscale) => {
            expect((await pscale.createBranch(database, `matrix-${i}`)).status).toBe(201);
            const other = databases[1 - i]!;
            expect((await pscale.listBranches(other)).status).toBe(404);
          },
          // Each matrix job has its own GITHUB_JOB-like identity: the token names differ.
          { GITHUB_JOB: `migrate-${database}` },
        ),
      ),
    );
    const [first, second] = runs;
    expect(first!.tokenId).not.toBe(second!.tokenId);
    expect(first!.main.outputs['name']).toMatch(/^gha-shop-9876543210-1-migrate-app-[a-z0-9]{6}$/);
    expect(second!.main.outputs['name']).toMatch(/^gha-shop-9876543210-1-migrate-analytics-[a-z0-9]{6}$/);
    for (const run of runs) expect((await run.client.organizations()).status).toBe(401);
    expect(fake.mintedTokens()).toEqual([]);
  });
});
