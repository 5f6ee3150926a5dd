// Cleanup that is verified, never assumed: the built action, run as the runner runs
// it, against the fake API with scripted faults. A create answered with an ID that is no ID, 404s
// to deleting and reading a token that is still listed by name, a delete that lags behind the
// create, a lookup by name that is refused, and a grant answer that pages. Every case ends with
// zero minted tokens alive.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES, FakePlanetScale, type Fault, type FaultMatch } from '../fake-planetscale/index.ts';
import { runJob, runStep } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
/** A minting token without read_service_tokens: it can neither read a token nor list them. */
let noRead: { id: string; token: string };

const THIRTY = DATABASE_ACCESSES.slice(0, 30);
const TOKENS = '/v1/organizations/acme/service-tokens';
const CREATE: FaultMatch = { method: 'POST', path: TOKENS };
const LIST: FaultMatch = { method: 'GET', path: TOKENS };
const DELETE: FaultMatch = { method: 'DELETE', path: /^\/v1\/organizations\/acme\/service-tokens\/[^/]+$/ };
/** Reading a token by its ID, other than main's read of the minting tokens' own accesses. */
const READ = (): FaultMatch => ({ method: 'GET', path: new RegExp(`^${TOKENS}/(?!(?:${minting.id}|${noRead.id})$)[^/]+$`) });
const notFound: Fault = { kind: 'status', status: 404, body: { code: 'not_found', message: 'Not Found' } };
/** A grant refused for good (no such database): main must delete the token it made. */
const FAILING = { accesses: 'nope: read_branch', 'org-accesses': '' };

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  minting = fake.addServiceToken(
    'acme',
    {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
      databases: { app: [...THIRTY] },
    },
    { name: 'minting' },
  );
  noRead = fake.addServiceToken(
    'acme',
    { organization: ['write_service_tokens', 'delete_service_tokens'], databases: { app: [...THIRTY] } },
    { name: 'minting-no-read' },
  );
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());
afterEach(async () => {
  fake.faults.clear();
  for (const token of fake.mintedTokens()) {
    await fetch(`${fake.url}${TOKENS}/${token.id}`, { method: 'DELETE', headers: { Authorization: `${minting.id}:${minting.token}` } });
  }
});

function inputs(overrides: Record<string, string> = {}, credential = minting): Record<string, string> {
  return {
    org: 'acme',
    'minting-token-id': credential.id,
    'minting-token': credential.token,
    accesses: 'app: read_branch create_branch',
    'org-accesses': '',
    'api-url': fake.url,
    ...overrides,
  };
}

const calls = (match: FaultMatch) =>
  fake.requests.filter(
    (r) => r.method === match.method && (typeof match.path === 'string' ? r.path === match.path : match.path.test(r.path)),
  );

/** Main's read of the minting token's own accesses (alongside the create call): not a call about the minted token. */
const mintingRead = (r: { method: string; path: string }) =>
  r.method === 'GET' && [minting.id, noRead.id].some((id) => r.path === `${TOKENS}/${id}`);

function expectNothingLeft(): void {
  expect(fake.mintedTokens()).toEqual([]);
}

describe('a create answered with an ID that is no ID', () => {
  it.each([
    ['a path-like ID', '../x', /with an ID that does not look like a service token ID/],
    ['an empty ID', '', /without a token id and secret/],
    ['an ID of the wrong shape', 'not an id!', /with an ID that does not look like a service token ID/],
  ])('%s: not used, the token is found by its name and deleted', async (_, id, error) => {
    let secret = '';
    fake.faults.script(CREATE, {
      kind: 'altered-answer',
      alter: (body) => {
        secret = (body as { token: string }).token;
        return { ...(body as object), id };
      },
    });
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(error);
    // The answer's secret is masked anyway, before the first line printed after the create call.
    expect(secret).toMatch(/^pscale_tkn_/);
    expect(main.masks).toContain(secret);
    const mask = main.lines.indexOf(`::add-mask::${secret}`);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(mask).toBeLessThan(main.lines.findIndex((line) => line.startsWith('::error::')));
    expect(main.lines.filter((line) => line.includes(secret) && line !== `::add-mask::${secret}`)).toEqual([]);
    expect(main.maskedLog).toMatch(/The create call may have reached PlanetScale: looking for a token named ".+" to delete\./);
    expect(main.maskedLog).toMatch(/Deleted service token ".+", created before the failure\./);
    expect(main.state['token-id']).toBe('');
    // The answer's ID went into no path: the one token-level call is the delete by the listed ID.
    const tokenCalls = fake.requests.filter((r) => r.path !== TOKENS && !mintingRead(r));
    expect(tokenCalls.map((r) => [r.method, r.status])).toEqual([['DELETE', 204]]);
    const deleted = fake.token(tokenCalls[0]!.path.split('/').at(-1)!);
    expect(deleted).toMatchObject({ name: main.state['token-name'], deleted: true });
    // Post looks by name again (the create was not accounted for), and finds nothing.
    expect(post!.exitCode).toBe(0);
    expect(post!.maskedLog).toMatch(/No other service token named ".+" exists\./);
    expectNothingLeft();
  });
});

describe('"gone" is verified by name', () => {
  it('main, after a failure: DELETE 404 and GET 404 while the token is still listed by name: deleted by the listed ID', async () => {
    fake.faults.script(DELETE, notFound);
    fake.faults.script(READ(), notFound);
    const { main, post } = await runJob({ actionDir, inputs: inputs(FAILING) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.maskedLog).toMatch(
      /Service token ".+" is still listed by its name although PlanetScale answered 404 for its ID: deleting it by the listed ID\./,
    );
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure, so nothing is left alive\./);
    expect(main.maskedLog).not.toMatch(/already gone/);
    expect(calls(DELETE).map((r) => r.status)).toEqual([404, 204]);
    expect(calls(LIST)).toHaveLength(1); // one lookup by name, on this path only
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('post: DELETE 404 and GET 404 while the token is still listed by name: deleted, and the summary says so', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    // Two 404s to deleting (nothing sealed, as the credential comes from inputs: post deletes with it at once).
    fake.faults.script(DELETE, notFound, notFound);
    fake.faults.script(READ(), notFound);
    fake.clearRequests();
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/is still listed by its name although PlanetScale answered 404 for its ID/);
    expect(post.maskedLog).toMatch(/Deleted service token ".+"\./);
    expect(post.maskedLog).not.toMatch(/already gone/);
    expect(post.summary).toMatch(/was deleted by the post step/);
    expect(calls(DELETE).map((r) => r.status)).toEqual([404, 404, 204]);
    expectNothingLeft();
  });

  it('a token gone by ID and by name is reported gone only after the lookup', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    await fetch(`${fake.url}${TOKENS}/${main.outputs['service-token-id']}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
    fake.clearRequests();
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/was already gone \(deleted elsewhere, or expired and removed\): none by its name is listed\./);
    expect(post.summary).toMatch(/was already gone when the post step came to delete it: none by its name is listed/);
    expect(calls(LIST)).toHaveLength(1);
    expectNothingLeft();
  });

  it('the lookup refused (no read_service_tokens): main says the token could not be confirmed gone and until when; post deletes it', async () => {
    fake.faults.script(DELETE, notFound);
    const { main, post } = await runJob({ actionDir, inputs: inputs(FAILING, noRead) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[1]).toMatch(
      /^Could not confirm that service token ".+" is gone after the failure: PlanetScale answered 404 to deleting it and to reading it by its ID .*lacks read_service_tokens.* the token stays valid until \d{4}-\d\d-\d\dT/,
    );
    expect(main.maskedLog).not.toMatch(/Deleted service token/);
    expect(main.state['settled']).toBe('');
    expect(post!.exitCode).toBe(0);
    expect(post!.maskedLog).toMatch(/Deleted service token ".+"\./);
    expectNothingLeft();
  });

  it('the lookup refused in post as well: post fails, saying the token could not be confirmed gone, in the log and the summary', async () => {
    // Main's delete, then post's (the credential comes from inputs: nothing sealed, so no quick try first).
    fake.faults.script(DELETE, notFound, notFound);
    const main = await runStep({ actionDir, step: 'main', inputs: inputs(FAILING, noRead) });
    expect(main.exitCode).toBe(1);
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs(FAILING, noRead),
      state: main.state,
      env: main.env,
      masks: main.masks,
    });
    expect(post.exitCode).toBe(1);
    expect(post.errors).toEqual([
      expect.stringMatching(
        /^Could not confirm that service token ".+" is gone: .*lacks read_service_tokens.* It stays valid until \d{4}-/,
      ),
    ]);
    expect(post.summary).toMatch(/could not be confirmed gone by the post step\*\*: it stays valid until \d{4}-/);
    expect(post.maskedLog + post.summary).not.toMatch(/deleted|already gone/i);
    // The token was alive all along; post run again, without the faults, deletes it.
    expect(fake.mintedTokens()).toHaveLength(1);
    const again = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs(FAILING, noRead),
      state: main.state,
      env: main.env,
      masks: main.masks,
    });
    expect(again.exitCode).toBe(0);
    expectNothingLeft();
  });
});

describe('a DELETE answered 404 while the token can still be read', () => {
  it('is tried once more after a wait, and the log says it was a read lagging behind a write', async () => {
    fake.faults.script(DELETE, notFound);
    const { main, post } = await runJob({ actionDir, inputs: inputs(FAILING) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.maskedLog).toMatch(
      /PlanetScale answered 404 to deleting service token ".+", yet still shows it: trying once more, in case its reads lag behind its writes\./,
    );
    expect(main.maskedLog).toMatch(
      /Deleted service token ".+" on the second try: the first 404 came from PlanetScale's reads lagging behind its writes, not from a missing delete_service_tokens\./,
    );
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure, so nothing is left alive\./);
    expect(calls(DELETE).map((r) => r.status)).toEqual([404, 204]);
    expect(calls(READ()).map((r) => r.status)).toEqual([200]);
    expect(calls(LIST)).toEqual([]);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });
});

describe('grant answers that page', () => {
  it('30 accesses on one database: the paged grant answer is read through, no false "granted less than asked"', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ accesses: `app: ${THIRTY.join(' ')}` }) });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    const grant = calls({ method: 'POST', path: /\/access$/ });
    expect(grant.map((r) => r.status)).toEqual([200]);
    // The fake answered with page 1 of 2; the action then read the token's accesses.
    // One read of the token, whose accesses come whole; the spec-less paged list is not read.
    expect(calls(READ()).map((r) => r.status)).toEqual([200]);
    expect(calls({ method: 'GET', path: /\/access$/ })).toEqual([]);
    const accesses = JSON.parse(main.outputs['accesses']!) as { resource_name: string; accesses: string[] }[];
    expect(accesses).toHaveLength(1);
    expect(accesses[0]!.resource_name).toBe('app');
    expect([...accesses[0]!.accesses].sort()).toEqual([...THIRTY].sort());
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('30 accesses, and the rest cannot be read (no read_service_tokens): fails saying so, and deletes the token', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ accesses: `app: ${THIRTY.join(' ')}` }, noRead) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(
      /one page of the token's accesses, and reading all of them failed \(HTTP 404\): the minting token lacks read_service_tokens/,
    );
    expect(main.errors[0]).not.toMatch(/does not report/);
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });
});
