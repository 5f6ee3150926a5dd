// The fake's branch and deploy-request endpoints, which the flows (branch per pull request,
// deploy requests from CI) call: each access enforced as PlanetScale's docs and spec list it, the
// self-approval rule, and every response validated against openapi.yaml by operationId.

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaDiff, type CredentialBackend, type Schema } from './fake-planetscale/backends.ts';
import { FakePlanetScale, type SeedAccesses } from './fake-planetscale/index.ts';
import { OpenApiSpec } from './openapi-spec.ts';
import { PscaleClient, type PscaleReply } from './pscale-client.ts';

const ORG = 'acme';
/** Requires approval for deploy requests: the self-approval rule applies. */
const GATED = 'app';
/** Does not: anyone with approve_deploy_request may approve, and deploy needs no approval. */
const OPEN = 'blog';

let fake: FakePlanetScale;

/** A client for a service token seeded with these accesses on GATED (and `more`). */
function tokenWith(accesses: string[], more: SeedAccesses = {}): PscaleClient {
  const { id, token } = fake.addServiceToken(ORG, { ...more, databases: { [GATED]: accesses, ...more.databases } });
  return new PscaleClient({ apiUrl: fake.url, org: ORG, id, token });
}

function expectNotFound(reply: PscaleReply): void {
  expect(reply.status).toBe(404);
  expect(reply.json).toEqual({ code: 'not_found', message: 'Not Found' });
}

/** A development branch and an open deploy request from it, made by `author`. */
async function openDeployRequest(author: PscaleClient, db = GATED, branch = 'pr-42'): Promise<number> {
  expect((await author.createBranch(db, branch)).status).toBe(201);
  const reply = await author.createDeployRequest(db, branch, { notes: 'add orders table' });
  expect(reply.status).toBe(201);
  return reply.json.number;
}

beforeEach(async () => {
  fake = await FakePlanetScale.start({ now: new Date('2026-08-01T12:00:00.000Z') });
  fake.addOrganization(ORG);
  fake.addDatabase(ORG, GATED, { requireApprovalForDeploy: true });
  fake.addDatabase(ORG, OPEN);
});

afterEach(async () => {
  await fake.close();
});

describe('branches', () => {
  it('gets a branch with any read access the spec lists, and 404 for an unknown one', async () => {
    const reader = tokenWith(['connect_branch']);
    const reply = await reader.getBranch(GATED, 'main');
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ name: 'main', production: true, parent_branch: null });
    expectNotFound(await reader.getBranch(GATED, 'nope'));
    expectNotFound(await tokenWith(['read_deploy_request']).getBranch(GATED, 'main'));
    expectNotFound(await reader.getBranch(OPEN, 'main'));
  });

  it('deletes a development branch with delete_branch only', async () => {
    const creator = tokenWith(['create_branch', 'read_branch']);
    expect((await creator.createBranch(GATED, 'pr-1')).status).toBe(201);
    expectNotFound(await creator.deleteBranch(GATED, 'pr-1'));
    const deleter = tokenWith(['delete_branch']);
    const reply = await deleter.deleteBranch(GATED, 'pr-1');
    expect(reply).toEqual({ status: 204, json: undefined });
    expectNotFound(await creator.getBranch(GATED, 'pr-1'));
    expectNotFound(await deleter.deleteBranch(GATED, 'pr-1'));
  });

  it('deletes the production branch only with delete_production_branch', async () => {
    expectNotFound(await tokenWith(['delete_branch', 'read_branch']).deleteBranch(GATED, 'main'));
    const prod = tokenWith(['delete_production_branch', 'read_branch']);
    expectNotFound(await prod.deleteBranch(GATED, 'missing'));
    expect((await prod.deleteBranch(GATED, 'main')).status).toBe(204);
    expect((await prod.listBranches(GATED)).json.data).toEqual([]);
  });

  it('creates a branch from a named parent, and refuses an unknown parent or a taken name', async () => {
    const creator = tokenWith(['create_branch']);
    expect((await creator.createBranch(GATED, 'a')).status).toBe(201);
    const child = await creator.createBranch(GATED, 'b', 'a');
    expect(child.status).toBe(201);
    expect(child.json.parent_branch).toBe('a');
    expectNotFound(await creator.createBranch(GATED, 'c', 'nope'));
    expect((await creator.createBranch(GATED, 'a')).status).toBe(422);
  });
});

describe('deploy requests', () => {
  it('needs create_deploy_request to open one, and read_deploy_request to see it', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request']);
    const number = await openDeployRequest(author);
    expect(number).toBe(1);
    expectNotFound(await author.getDeployRequest(GATED, number));
    expectNotFound(await author.listDeployRequests(GATED));
    expectNotFound(await tokenWith(['read_branch', 'create_branch']).createDeployRequest(GATED, 'pr-42'));

    const reader = tokenWith(['read_deploy_request']);
    const reply = await reader.getDeployRequest(GATED, number);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      number: 1,
      branch: 'pr-42',
      into_branch: 'main',
      state: 'open',
      approved: false,
      notes: 'add orders table',
    });
    expectNotFound(await reader.getDeployRequest(GATED, 2));
    expectNotFound(await reader.request('GET', `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests/one`));
  });

  it('numbers deploy requests per database and filters the list by state and branch', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request', 'read_deploy_request'], {
      databases: { [OPEN]: ['create_branch', 'create_deploy_request', 'read_deploy_request'] },
    });
    expect(await openDeployRequest(author, GATED, 'a')).toBe(1);
    expect(await openDeployRequest(author, GATED, 'b')).toBe(2);
    expect(await openDeployRequest(author, OPEN, 'a')).toBe(1);
    const numbers = (reply: PscaleReply): number[] => reply.json.data.map((d: { number: number }) => d.number);
    expect(numbers(await author.listDeployRequests(GATED))).toEqual([1, 2]);
    expect(numbers(await author.listDeployRequests(GATED, '?branch=b'))).toEqual([2]);
    expect(numbers(await author.listDeployRequests(GATED, '?state=closed'))).toEqual([]);
  });

  it('refuses a missing, production or unknown branch, and a second open request from one branch', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request']);
    await openDeployRequest(author);
    expect((await author.request('POST', `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests`, {})).status).toBe(422);
    expect((await author.createDeployRequest(GATED, 'main')).status).toBe(422);
    expectNotFound(await author.createDeployRequest(GATED, 'nope'));
    expectNotFound(await author.createDeployRequest(GATED, 'pr-42', { into: 'nope' }));
    const again = await author.createDeployRequest(GATED, 'pr-42');
    expect(again.status).toBe(422);
    expect(again.json.message).toMatch(/already has an open deploy request/);
  });

  it('approves only with approve_deploy_request; comments with review_deploy_request too', async () => {
    const number = await openDeployRequest(tokenWith(['create_branch', 'create_deploy_request']));
    const reviewer = tokenWith(['review_deploy_request', 'read_deploy_request']);
    expectNotFound(await reviewer.reviewDeployRequest(GATED, number, 'approved'));
    const comment = await reviewer.reviewDeployRequest(GATED, number, 'commented', 'looks fine');
    expect(comment.status).toBe(201);
    expect(comment.json).toMatchObject({ state: 'commented', body: 'looks fine' });
    expect((await reviewer.getDeployRequest(GATED, number)).json).toMatchObject({ approved: false, num_comments: 1 });

    const approver = tokenWith(['approve_deploy_request', 'read_deploy_request']);
    expect(
      (await approver.request('POST', `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests/${number}/reviews`, { state: 'merged' }))
        .status,
    ).toBe(422);
    expect((await approver.reviewDeployRequest(GATED, number, 'approved')).status).toBe(201);
    expect((await approver.getDeployRequest(GATED, number)).json.approved).toBe(true);
    const reviews = await approver.request('GET', `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests/${number}/reviews`);
    expect(reviews.json.data.map((r: { state: string }) => r.state)).toEqual(['commented', 'approved']);
  });

  it('applies the self-approval rule when the database requires approval', async () => {
    // One token that may both open and approve: PlanetScale still refuses its own request.
    const both = tokenWith(['create_branch', 'create_deploy_request', 'approve_deploy_request', 'read_deploy_request'], {
      organization: ['write_service_tokens'],
      databases: { [OPEN]: ['create_branch', 'create_deploy_request', 'approve_deploy_request'] },
    });
    const own = await openDeployRequest(both);
    const refused = await both.reviewDeployRequest(GATED, own, 'approved');
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ code: 'forbidden', message: 'You cannot approve a deploy request that you created' });
    expect((await both.getDeployRequest(GATED, own)).json.approved).toBe(false);
    // A comment on its own request is fine.
    expect((await both.reviewDeployRequest(GATED, own, 'commented')).status).toBe(201);

    // Where approval is not required, the rule does not apply.
    const free = await openDeployRequest(both, OPEN);
    expect((await both.reviewDeployRequest(OPEN, free, 'approved')).status).toBe(201);
  });

  it('refuses approval by the credential that created the authoring token, and allows another token', async () => {
    const creator = fake.addServiceToken(ORG, {
      organization: ['write_service_tokens'],
      databases: { [GATED]: ['create_branch', 'create_deploy_request', 'approve_deploy_request'] },
    });
    const creatorClient = new PscaleClient({ apiUrl: fake.url, org: ORG, ...creator });
    // The creator mints the author through the API, so the fake knows who made it.
    const minted = await creatorClient.request('POST', `/v1/organizations/${ORG}/service-tokens`, { name: 'author' });
    await creatorClient.request('POST', `/v1/organizations/${ORG}/service-tokens/${minted.json.id}/access`, {
      database: GATED,
      access: ['create_branch', 'create_deploy_request'],
    });
    const author = new PscaleClient({ apiUrl: fake.url, org: ORG, id: minted.json.id, token: minted.json.token });
    const number = await openDeployRequest(author);
    expect((await creatorClient.reviewDeployRequest(GATED, number, 'approved')).status).toBe(403);
    expect((await tokenWith(['approve_deploy_request']).reviewDeployRequest(GATED, number, 'approved')).status).toBe(201);
  });

  it('deploys with create_deploy_request, only once approved where approval is required', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request', 'read_deploy_request']);
    const number = await openDeployRequest(author);
    expectNotFound(await tokenWith(['approve_deploy_request', 'read_deploy_request']).deployDeployRequest(GATED, number));
    const unapproved = await author.deployDeployRequest(GATED, number);
    expect(unapproved.status).toBe(422);
    expect(unapproved.json.message).toMatch(/must be approved/);
    expect((await author.getDeployRequest(GATED, number)).json.deployment!.deployable).toBe(false);

    expect((await tokenWith(['approve_deploy_request']).reviewDeployRequest(GATED, number, 'approved')).status).toBe(201);
    expect((await author.getDeployRequest(GATED, number)).json.deployment!.deployable).toBe(true);
    fake.advance(60_000);
    const deployed = await author.deployDeployRequest(GATED, number);
    expect(deployed.status).toBe(200);
    expect(deployed.json).toMatchObject({
      state: 'closed',
      deployment_state: 'complete',
      deployed_at: '2026-08-01T12:01:00.000Z',
      closed_at: '2026-08-01T12:01:00.000Z',
    });
    expect((await author.deployDeployRequest(GATED, number)).status).toBe(422);
    // A closed request frees its branch for a new one.
    expect((await author.createDeployRequest(GATED, 'pr-42')).json.number).toBe(2);
  });

  it('closes an open request with create_deploy_request, and only an open one', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request', 'read_deploy_request']);
    const number = await openDeployRequest(author);
    expectNotFound(await tokenWith(['read_deploy_request']).closeDeployRequest(GATED, number));
    const path = `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests/${number}`;
    expect((await author.request('PATCH', path, { state: 'open' })).status).toBe(422);
    const closed = await author.closeDeployRequest(GATED, number);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ state: 'closed', deployment_state: 'ready', deployed_at: null });
    expect((await author.closeDeployRequest(GATED, number)).status).toBe(422);
    expect((await author.deployDeployRequest(GATED, number)).status).toBe(422);
  });

  it('remembers that the branch of a deploy request was deleted', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request', 'read_deploy_request', 'delete_branch']);
    const number = await openDeployRequest(author);
    expect((await author.deleteBranch(GATED, 'pr-42')).status).toBe(204);
    expect((await author.getDeployRequest(GATED, number)).json).toMatchObject({
      branch: 'pr-42',
      branch_deleted: true,
      branch_deleted_at: '2026-08-01T12:00:00.000Z',
    });
  });
});

describe('the diff of a deploy request, from a MySQL backend', () => {
  // The server's tables, as a backend's schema() reads them; the flows read a real MariaDB.
  let tables: Schema;
  const backend: CredentialBackend = {
    host: '127.0.0.1',
    port: 3306,
    adminUser: 'root',
    ensureDatabase: () => Promise.resolve(),
    createLogin: () => Promise.resolve(),
    dropLogin: () => Promise.resolve(),
    schema: () => Promise.resolve({ ...tables }),
  };

  beforeEach(async () => {
    await fake.close();
    tables = { users: 'CREATE TABLE users (id int)' };
    fake = await FakePlanetScale.start({ backends: { mysql: backend } });
    fake.addOrganization(ORG);
    fake.addDatabase(ORG, OPEN);
  });

  const author = (): PscaleClient => {
    const { id, token } = fake.addServiceToken(ORG, {
      databases: { [OPEN]: ['create_branch', 'create_deploy_request', 'read_deploy_request'] },
    });
    return new PscaleClient({ apiUrl: fake.url, org: ORG, id, token });
  };

  it('is what changed since the branch was made: pending in the answer, ready on a read, deployable', async () => {
    const client = author();
    expect((await client.createBranch(OPEN, 'pr-1')).status).toBe(201);
    tables = { ...tables, orders: 'CREATE TABLE orders (id int)' };
    const created = await client.createDeployRequest(OPEN, 'pr-1');
    expect(created.json).toMatchObject({ deployment_state: 'pending', deployment: { state: 'pending', deployable: false } });
    const read = (await client.getDeployRequest(OPEN, created.json.number)).json;
    expect(read).toMatchObject({ deployment_state: 'ready', deployment: { state: 'ready', deployable: true } });
    expect(fake.deployRequests(ORG, OPEN)[0]!.diff).toEqual(['+orders']);
    expect((await client.deployDeployRequest(OPEN, created.json.number)).status).toBe(200);
  });

  it('is empty when the branch changed nothing: no_changes, and deploying it is refused', async () => {
    const client = author();
    expect((await client.createBranch(OPEN, 'pr-2')).status).toBe(201);
    const number = (await client.createDeployRequest(OPEN, 'pr-2')).json.number;
    const read = (await client.getDeployRequest(OPEN, number)).json;
    expect(read).toMatchObject({ deployment_state: 'no_changes', deployment: { state: 'no_changes', deployable: false } });
    const deploy = await client.deployDeployRequest(OPEN, number);
    expect(deploy.status).toBe(422);
    expect(deploy.json.message).toMatch(/no schema changes/);
    expect((await client.closeDeployRequest(OPEN, number)).status).toBe(200);
  });

  it('schemaDiff: added, dropped and altered tables, sorted by name', () => {
    const base = { a: 'CREATE TABLE a (id int)', b: 'CREATE TABLE b (id int)', c: 'CREATE TABLE c (id int)' };
    const now = { a: 'CREATE TABLE a (id int)', c: 'CREATE TABLE c (id bigint)', aa: 'CREATE TABLE aa (id int)' };
    expect(schemaDiff(base, now)).toEqual(['+aa', '-b', '~c']);
    expect(schemaDiff(base, base)).toEqual([]);
  });
});

describe('schema conformance with openapi.yaml', () => {
  let spec: OpenApiSpec;

  beforeAll(() => {
    spec = OpenApiSpec.load();
  }, 60_000);

  function expectConforms(operationId: string, status: string, reply: PscaleReply): void {
    expect(String(reply.status), operationId).toBe(status);
    const validate = spec.validator(operationId, status);
    const ok = validate(reply.json);
    expect(ok ? [] : validate.errors, `${operationId} ${status}`).toEqual([]);
  }

  it('get_branch, delete_branch and every deploy-request answer the flows use', async () => {
    const author = tokenWith(['create_branch', 'read_branch', 'delete_branch', 'create_deploy_request', 'read_deploy_request']);
    const approver = tokenWith(['approve_deploy_request']);
    const number = await openDeployRequest(author);
    expectConforms('get_branch', '200', await author.getBranch(GATED, 'pr-42'));
    expectConforms('list_deploy_requests', '200', await author.listDeployRequests(GATED));
    expectConforms('get_deploy_request', '200', await author.getDeployRequest(GATED, number));
    expectConforms('review_deploy_request', '201', await approver.reviewDeployRequest(GATED, number, 'approved', 'ship it'));
    expectConforms(
      'list_deploy_request_reviews',
      '200',
      await author.request('GET', `/v1/organizations/${ORG}/databases/${GATED}/deploy-requests/${number}/reviews`),
    );
    expectConforms('queue_deploy_request', '200', await author.deployDeployRequest(GATED, number));
    // A closed, deployed request with its branch deleted: the nullable fields filled in.
    expect(spec.response('delete_branch', '204').content).toBeUndefined();
    expect((await author.deleteBranch(GATED, 'pr-42')).status).toBe(204);
    expectConforms('get_deploy_request', '200', await author.getDeployRequest(GATED, number));
    const another = await author.createDeployRequest(GATED, (await author.createBranch(GATED, 'x')).json.name);
    expectConforms('create_deploy_request', '201', another);
    expectConforms('close_deploy_request', '200', await author.closeDeployRequest(GATED, another.json.number));
  });

  it('can fail: broken deploy requests are rejected by the same validator', async () => {
    const author = tokenWith(['create_branch', 'create_deploy_request', 'read_deploy_request']);
    const good = (await author.getDeployRequest(GATED, await openDeployRequest(author))).json;
    const validate = spec.validator('get_deploy_request', '200');
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, state: 'merged' })).toBe(false);
    expect(validate({ ...good, number: '1' })).toBe(false);
    const { deployment: _dropped, ...noDeployment } = good;
    expect(validate(noDeployment)).toBe(false);
    expect(validate({ ...good, deployment: { ...good.deployment, deploy_operations: undefined } })).toBe(false);
  });
});
