// End to end: the built dist/ run as the GitHub runner runs it (test/harness), against the fake
// PlanetScale API (test/fake-planetscale), a real HTTP server on 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep, type StepResult } from '../harness/index.ts';
import { EMPTY_STATE } from '../harness/empty-state.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };

const MINTING_ACCESSES = {
  organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
  databases: {
    app: ['read_branch', 'create_branch', 'create_deploy_request', 'read_deploy_request'],
    analytics: ['read_branch', 'connect_branch'],
  },
};

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addOrganization('other');
  for (const db of ['app', 'analytics', 'logs']) fake.addDatabase('acme', db);
  minting = fake.addServiceToken('acme', MINTING_ACCESSES, { name: 'minting' });
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());
// A failed test must not leave tokens that make the next one fail too.
afterEach(async () => {
  for (const token of fake.mintedTokens()) await callAs(minting, 'DELETE', `/v1/organizations/acme/service-tokens/${token.id}`);
});

function baseInputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    org: 'acme',
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    database: 'app',
    accesses: 'read_branch create_branch',
    'api-url': fake.url,
    ...overrides,
  };
}

/** Main then post, as the runner chains them: post gets main's state, and main's GITHUB_ENV on top of the job env. */
async function mainThenPost(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; debug?: boolean; between?: (main: StepResult) => Promise<void> | void } = {},
) {
  const main = await runStep({ actionDir, step: 'main', inputs, env: options.env, debug: options.debug });
  await options.between?.(main);
  const post = await runStep({
    actionDir,
    step: 'post',
    inputs,
    env: { ...options.env, ...main.env },
    state: main.state,
    debug: options.debug,
    masks: main.masks,
  });
  return { main, post };
}

/** Calls the fake as a later workflow step would, with the minted token. */
async function callAs(token: { id: string; token: string }, method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(fake.url + path, {
    method,
    headers: { Authorization: `${token.id}:${token.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Lines that carry `secret` anywhere other than in its own ::add-mask:: command. */
function leaks(result: StepResult, secret: string): string[] {
  return result.lines.filter((line) => line.includes(secret) && line !== `::add-mask::${secret}`);
}

/** Lines that show `value` unmasked: before its ::add-mask:: line, or in the log the user sees. */
function unmasked(result: StepResult, value: string, jobMasks: string[] = []): string[] {
  const maskLine = jobMasks.includes(value) ? -1 : result.lines.indexOf(`::add-mask::${value}`);
  const early = result.lines.filter((line, i) => line.includes(value) && (maskLine < 0 ? !jobMasks.includes(value) : i < maskLine));
  return [...early, ...result.maskedLog.split('\n').filter((line) => line.includes(value))];
}

function expectNoStackTrace(result: StepResult): void {
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('happy path', () => {
  it('mints a token with exactly the asked accesses and TTL, hands it over masked, and deletes it in post', async () => {
    const inputs = baseInputs({
      accesses: 'read_branch, create_branch\nanalytics: connect_branch',
      'org-accesses': 'read_databases',
      ttl: '15m',
    });
    let minted = { id: '', token: '' };
    const { main, post } = await mainThenPost(inputs, {
      debug: true,
      between: async (main) => {
        minted = { id: main.outputs['service-token-id']!, token: main.outputs['service-token']! };
        const view = fake.token(minted.id)!;
        expect(view.deleted).toBe(false);
        expect(view.name).toBe(main.outputs['name']);
        expect(view.accesses).toEqual({
          organization: ['read_databases'],
          databases: { app: ['read_branch', 'create_branch'], analytics: ['connect_branch'] },
        });
        expect(view.expiresAt!.getTime() - view.createdAt.getTime()).toBe(15 * 60 * 1000);

        // Works for what it was granted...
        expect(await callAs(minted, 'GET', '/v1/organizations/acme/databases/app/branches')).toBe(200);
        expect(await callAs(minted, 'POST', '/v1/organizations/acme/databases/app/branches', { name: 'pr-1', parent_branch: 'main' })).toBe(
          201,
        );
        expect(await callAs(minted, 'GET', '/v1/organizations/acme/databases')).toBe(200);
        // ...and is refused elsewhere (PlanetScale answers 404 for a missing permission).
        // (connect_branch on analytics lets it list analytics' branches, as the spec says, but not create one.)
        expect(
          await callAs(minted, 'POST', '/v1/organizations/acme/databases/analytics/branches', { name: 'x', parent_branch: 'main' }),
        ).toBe(404);
        expect(await callAs(minted, 'GET', '/v1/organizations/acme/databases/logs/branches')).toBe(404);
        expect(await callAs(minted, 'POST', '/v1/organizations/acme/service-tokens', { name: 'escalate' })).toBe(404);
      },
    });

    expect(main.exitCode).toBe(0);
    expect(main.errors).toEqual([]);
    expect(minted.id).toMatch(/^[a-z0-9]{12}$/);
    expect(minted.token).toMatch(/^pscale_tkn_/);
    expect(main.outputs['name']).toMatch(/^gha-shop-9876543210-1-migrate-[a-z0-9]{6}$/);
    expect(new Date(main.outputs['expires-at']!).toISOString()).toBe(main.outputs['expires-at']);
    expect(JSON.parse(main.outputs['accesses']!)).toEqual([
      { resource_type: 'Database', resource_name: 'app', accesses: ['read_branch', 'create_branch'] },
      { resource_type: 'Database', resource_name: 'analytics', accesses: ['connect_branch'] },
      { resource_type: 'Organization', resource_name: 'acme', accesses: ['read_databases'] },
    ]);

    // Masks: the minting secret and the minted ID and secret, each before any line could carry it.
    expect(main.masks).toEqual(expect.arrayContaining([minting.id, minting.token, minted.id, minted.token]));
    // The minted ID and secret are masked before the first line printed after the create call.
    // (The read of the minting token's own accesses, GET …/service-tokens/{id}, runs alongside the create call.)
    const firstAfterCreate = main.lines.findIndex((line) => line.startsWith('Granted on') || /POST \S*\/access/.test(line));
    for (const value of [minted.id, minted.token]) {
      expect(main.lines.indexOf(`::add-mask::${value}`)).toBeGreaterThanOrEqual(0);
      expect(main.lines.indexOf(`::add-mask::${value}`)).toBeLessThan(firstAfterCreate);
    }
    // The secrets never appear in a line; the minted ID (a path segment in debug lines) only masked.
    for (const secret of [minting.token, minted.token]) {
      expect(leaks(main, secret)).toEqual([]);
      expect(leaks(post, secret)).toEqual([]);
    }
    expect(unmasked(main, minted.id)).toEqual([]);
    expect(unmasked(post, minted.id, main.masks)).toEqual([]);
    for (const secret of [minting.token, minted.token, minted.id]) {
      expect(main.summary).not.toContain(secret);
      expect(post.summary).not.toContain(secret);
    }
    expect(JSON.stringify(main.state)).not.toContain(minted.token);
    expect(JSON.stringify(main.state)).not.toContain(minting.token);

    // Env for later steps, as pscale reads it.
    expect(main.env).toEqual({
      PLANETSCALE_SERVICE_TOKEN_ID: minted.id,
      PLANETSCALE_SERVICE_TOKEN: minted.token,
      PLANETSCALE_ORG: 'acme',
      PLANETSCALE_API_URL: fake.url,
      // Not secret: recognises this token should a later use of the action take it as its minting token.
      PLANETSCALE_TOKEN_ACTION_MINTED: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });

    // Debug shows each call with method, path, status and time.
    expect(main.debugs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PlanetScale API POST \/v1\/organizations\/acme\/service-tokens -> 200 in \d+ ms$/),
        expect.stringMatching(/^PlanetScale API POST \/v1\/organizations\/acme\/service-tokens\/\S+\/access -> 200 in \d+ ms$/),
      ]),
    );

    // Summary: name, expiry and one row per resource.
    expect(main.summary).toContain(main.outputs['name']);
    expect(main.summary).toContain(main.outputs['expires-at']);
    expect(main.summary).toContain('| app | Database | `read_branch`, `create_branch` |');
    expect(main.summary).toContain('| analytics | Database | `connect_branch` |');
    expect(main.summary).toContain('| acme | Organization | `read_databases` |');

    // Grants went out concurrently in one round: all of them after the create, before any answer.
    // The read of the minting token's own accesses runs alongside the create call (its own round).
    const isOwnRead = (r: { method: string; path: string }) =>
      r.method === 'GET' && r.path === `/v1/organizations/acme/service-tokens/${minting.id}`;
    expect(fake.requests.filter(isOwnRead)).toHaveLength(1);
    const calls = fake.requests.filter((r) => r.credentialId === minting.id && !isOwnRead(r));
    expect(calls.map((r) => `${r.method} ${r.path.replace(minted.id, 'ID')}`)).toEqual([
      'POST /v1/organizations/acme/service-tokens',
      'POST /v1/organizations/acme/service-tokens/ID/access',
      'POST /v1/organizations/acme/service-tokens/ID/access',
      'POST /v1/organizations/acme/service-tokens/ID/access',
      'DELETE /v1/organizations/acme/service-tokens/ID',
    ]);
    expect(calls.filter((r) => r.path.endsWith('/access')).map((r) => r.body)).toEqual(
      expect.arrayContaining([
        { database: 'app', access: ['read_branch', 'create_branch'] },
        { database: 'analytics', access: ['connect_branch'] },
        { database: '', access: ['read_databases'] },
      ]),
    );
    expect(calls[0]!.headers['user-agent']).toMatch(/^planetscale-token-action\/\d+\.\d+\.\d+$/);
    expect(calls[0]!.body).toEqual({ name: main.outputs['name'], ttl: 900 });

    // Post deleted it: gone on the fake, and refused.
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toContain(`Deleted service token "${main.outputs['name']}".`);
    expect(post.summary).toContain('was deleted by the post step');
    expect(fake.token(minted.id)!.deleted).toBe(true);
    expect(await callAs(minted, 'GET', '/v1/organizations/acme/databases/app/branches')).toBe(401);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('runs post a second time with nothing to do', async () => {
    const { main, post } = await mainThenPost(baseInputs());
    expect(post.exitCode).toBe(0);
    const again = await runStep({ actionDir, step: 'post', inputs: baseInputs(), env: main.env, state: main.state });
    expect(again.exitCode).toBe(0);
    expect(again.maskedLog).toMatch(/already gone/);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('credentials', () => {
  it('falls back to env PLANETSCALE_SERVICE_TOKEN(_ID), and post deletes with it although export-env replaced them', async () => {
    const inputs = baseInputs({ 'minting-token-id': '', 'minting-token': '' });
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const { main, post } = await mainThenPost(inputs, { env });
    expect(main.exitCode).toBe(0);
    const mintedId = main.outputs['service-token-id']!;
    // Post saw the minted token in PLANETSCALE_SERVICE_TOKEN*, yet deleted with the minting one.
    expect(main.env['PLANETSCALE_SERVICE_TOKEN_ID']).toBe(mintedId);
    expect(post.exitCode).toBe(0);
    const deletion = fake.requests.find((r) => r.method === 'DELETE');
    expect(deletion?.credentialId).toBe(minting.id);
    expect(fake.token(mintedId)!.deleted).toBe(true);
    expect(JSON.stringify(main.state)).not.toContain(minting.token);
    expect(main.masks).toEqual(expect.arrayContaining([minting.id, minting.token]));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('deletes with the minting token when the inputs themselves read PLANETSCALE_SERVICE_TOKEN* (evaluated again for post)', async () => {
    // As with `minting-token: ${{ env.PLANETSCALE_SERVICE_TOKEN }}`: main's env holds what its inputs
    // hold, so main seals the credential; post's inputs hold the minted token.
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs(), env });
    expect(main.state['minting-credential']).toBeTruthy();
    expect(main.exitCode).toBe(0);
    const postInputs = baseInputs({
      'minting-token-id': main.env['PLANETSCALE_SERVICE_TOKEN_ID']!,
      'minting-token': main.env['PLANETSCALE_SERVICE_TOKEN']!,
    });
    const post = await runStep({ actionDir, step: 'post', inputs: postInputs, env: main.env, state: main.state, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(fake.requests.find((r) => r.method === 'DELETE')?.credentialId).toBe(minting.id);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it("takes only a success from post's inputs: when they now hold another organization's token, its 404 is not read as 'gone'", async () => {
    // As when an input reads a variable a later step changed: the inputs hold a valid token that cannot see ours.
    const stranger = fake.addServiceToken('other', {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
    });
    // Inputs reading `${{ env.PLANETSCALE_SERVICE_TOKEN… }}`, which export-env replaces: main seals the credential.
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs(), env });
    expect(main.exitCode).toBe(0);
    fake.clearRequests();
    const postInputs = baseInputs({ 'minting-token-id': stranger.id, 'minting-token': stranger.token });
    const post = await runStep({ actionDir, step: 'post', inputs: postInputs, env: main.env, state: main.state, masks: main.masks });
    expect(post.exitCode).toBe(0);
    const deletes = fake.requests.filter((r) => r.method === 'DELETE').map((r) => [r.credentialId, r.status]);
    // Tried with the inputs' credential first (refused), then with the one main minted with.
    expect(deletes).toEqual([
      [stranger.id, 404],
      [minting.id, 204],
    ]);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('fails post clearly when the minting token was revoked meanwhile, naming the token and its expiry', async () => {
    const shortLived = fake.addServiceToken('acme', MINTING_ACCESSES);
    const inputs = baseInputs({ 'minting-token-id': shortLived.id, 'minting-token': shortLived.token });
    const { main, post } = await mainThenPost(inputs, {
      between: async () => {
        expect(await callAs(minting, 'DELETE', `/v1/organizations/acme/service-tokens/${shortLived.id}`)).toBe(204);
      },
    });
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(1);
    expect(post.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not delete service token "${main.outputs['name']}": PlanetScale rejected the minting token \\(HTTP 401.* It stays valid until ${main.outputs['expires-at']!.replace(/[.]/g, '\\.')}`,
        ),
      ),
    ]);
  });

  it('finds the token by name in post when main never recorded its ID', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs() });
    const { 'token-id': _lost, ...state } = main.state;
    const post = await runStep({ actionDir, step: 'post', inputs: baseInputs(), env: main.env, state, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/did not learn whether service token ".+" was created: looking for it by name/);
    expect(
      fake.requests.some((r) => r.method === 'GET' && r.path === '/v1/organizations/acme/service-tokens' && r.query['per_page'] === '100'),
    ).toBe(true);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('mints with an OAuth api-token', async () => {
    const oauth = fake.addOAuthToken('acme', MINTING_ACCESSES);
    const inputs = baseInputs({ 'minting-token-id': '', 'minting-token': '', 'api-token': oauth });
    const { main, post } = await mainThenPost(inputs);
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(main.masks).toContain(oauth);
    expect(fake.requests.every((r) => r.credentialId !== minting.id)).toBe(true);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('fails clearly on a wrong minting secret (401), creating nothing', async () => {
    const { main, post } = await mainThenPost(baseInputs({ 'minting-token': 'pscale_tkn_wrong' }));
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(/^PlanetScale rejected the minting token \(HTTP 401, code "unauthorized"\)/)]);
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Nothing to clean up/);
    expect(fake.mintedTokens()).toEqual([]);
    expectNoStackTrace(main);
  });

  it('the minting token given under the old input names, those of the outputs: the new names, and nothing sent', async () => {
    const inputs = {
      ...baseInputs({ 'minting-token-id': '', 'minting-token': '' }),
      'service-token-id': minting.id,
      'service-token': minting.token,
    };
    const main = await runStep({ actionDir, step: 'main', inputs });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      expect.stringMatching(
        /^Input "service-token": this action has no input "service-token": the minting token is given as "minting-token" /,
      ),
      expect.stringMatching(/^Input "service-token-id": .*rename it to "minting-token-id" in the workflow's `with:`\.$/),
      expect.stringMatching(/^Input "minting-token": no minting token/),
    ]);
    expect(fake.requests).toEqual([]);
    expect(main.state).toEqual(EMPTY_STATE);
    expect(leaks(main, minting.token)).toEqual([]);
  });

  it('an env credential with a line break', async () => {
    const inputs = baseInputs({ 'minting-token-id': '', 'minting-token': '' });
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs,
      env: { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_a\nb' },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(/^Input "PLANETSCALE_SERVICE_TOKEN": contains a line break/)]);
    expect(fake.requests).toEqual([]);
  });
});

describe('failures after the token exists', () => {
  it('deletes the token itself when a grant is refused, and names what the minting token lacks', async () => {
    const { main, post } = await mainThenPost(baseInputs({ accesses: 'read_branch delete_branch' }));
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(
      /^PlanetScale refused granting read_branch, delete_branch on database "app" \(HTTP 404, code "not_found"\): .*does not itself hold read_branch, delete_branch/,
    );
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
    expect(main.state['settled']).toBe('true');
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Nothing to clean up: the main step left no token alive/);
    expect(fake.mintedTokens()).toEqual([]);
    expect(main.outputs).toEqual({});
    expect(main.env).toEqual({});
  });

  it('deletes the token when a database does not exist', async () => {
    const { main } = await mainThenPost(baseInputs({ accesses: 'nosuchdb: read_branch' }));
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/database "nosuchdb" \(HTTP 404.*the database does not exist/);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('fails post naming the token and its expiry when it cannot be deleted', async () => {
    const noDelete = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const inputs = baseInputs({ 'minting-token-id': noDelete.id, 'minting-token': noDelete.token, accesses: 'read_branch' });
    const { main, post } = await mainThenPost(inputs);
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(1);
    expect(post.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not delete service token "${main.outputs['name']}": .*lacks delete_service_tokens.* It stays valid until ${main.outputs['expires-at']!.replace(/[.]/g, '\\.')}`,
        ),
      ),
    ]);
    // Tried once more first, so that a read lagging behind a write is not taken for a missing permission.
    expect(post.errors[0]).toMatch(/answered 404 to deleting service token ".+" twice, a wait apart, yet the token still exists/);
    expect(post.maskedLog).toMatch(/yet still shows it: trying once more, in case its reads lag behind its writes\./);
    // Clean up what the test left behind.
    expect(await callAs(minting, 'DELETE', `/v1/organizations/acme/service-tokens/${main.outputs['service-token-id']}`)).toBe(204);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('treats a token deleted by someone else before post as done', async () => {
    const { post } = await mainThenPost(baseInputs(), {
      between: async (main) => {
        expect(await callAs(minting, 'DELETE', `/v1/organizations/acme/service-tokens/${main.outputs['service-token-id']}`)).toBe(204);
      },
    });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/already gone/);
  });
});

describe('options', () => {
  it('cleanup: false leaves the token alive until its TTL and says so', async () => {
    const { main, post } = await mainThenPost(baseInputs({ cleanup: 'false' }));
    expect(main.exitCode).toBe(0);
    expect(main.summary).toMatch(/cleanup is false/);
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/cleanup is false: leaving service token ".+" valid until it expires at /);
    const id = main.outputs['service-token-id']!;
    expect(fake.token(id)!.deleted).toBe(false);
    expect(await callAs(minting, 'DELETE', `/v1/organizations/acme/service-tokens/${id}`)).toBe(204);
  });

  it('export-env: false exports nothing, and post still deletes', async () => {
    const { main, post } = await mainThenPost(baseInputs({ 'export-env': 'false', name: 'Nightly Job' }));
    expect(main.exitCode).toBe(0);
    expect(main.env).toEqual({});
    expect(main.outputs['name']).toMatch(/^nightly-job-[a-z0-9]{6}$/);
    expect(post.exitCode).toBe(0);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('bad input: a clear error and exit 1, with no API call', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['empty org', { org: '' }, /^Input "org": is empty/],
    ['org with a slash', { org: 'a/b' }, /^Input "org": "a\/b" is not a PlanetScale name/],
    [
      'no credential at all',
      { 'minting-token-id': '', 'minting-token': '' },
      /^Input "minting-token": no minting token.*forks.*Dependabot/,
    ],
    ['half a credential', { 'minting-token': '' }, /^Input "minting-token": is empty while minting-token-id is set/],
    ['both credential kinds', { 'api-token': 'oauth-x' }, /^Input "api-token": is set together with/],
    ['a credential with a line break', { 'minting-token': 'pscale_tkn_a\nb' }, /^Input "minting-token": contains a line break/],
    ['a DB line with no accesses', { accesses: 'app:' }, /^Input "accesses": line "app:" names database "app" but no accesses/],
    ['bare accesses with no database', { database: '' }, /^Input "accesses": "read_branch" has no database/],
    ['nothing to grant', { accesses: '' }, /^Input "accesses": nothing to grant/],
    [
      'an org access in accesses',
      { accesses: 'read_databases' },
      /^Input "accesses": "read_databases" is an organization-level access: list it in org-accesses/,
    ],
    [
      'an access that mints tokens',
      { 'org-accesses': 'read_databases write_service_tokens' },
      /^Input "org-accesses": "write_service_tokens" manages credentials, so this action never grants it: .*outlives every TTL/,
    ],
    [
      'a database access in org-accesses',
      { 'org-accesses': 'read_branch' },
      /^Input "org-accesses": "read_branch" is a database-level access: list it in accesses/,
    ],
    [
      'a misspelt access',
      { accesses: 'read_brnch' },
      /^Input "accesses": "read_brnch" is not a PlanetScale database-level access; did you mean "read_branch"\?/,
    ],
    ['a bad ttl', { ttl: '2 weeks' }, /^Input "ttl": "2 weeks" is not a duration/],
    ['a ttl below a minute', { ttl: '30s' }, /^Input "ttl": "30s" is too short/],
    ['a ttl over 7 days', { ttl: '8d' }, /^Input "ttl": "8d" is too long/],
    ['a bad boolean', { 'export-env': 'yes' }, /^Input "export-env": "yes" is not a boolean/],
    ['a plain-http api-url', { 'api-url': 'http://api.planetscale.com' }, /^Input "api-url": .* is not https/],
    ['a database name with a slash', { database: 'a/b' }, /^Input "database": "a\/b" is not a PlanetScale name/],
  ];

  it.each(cases)('%s', async (_, overrides, expected) => {
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs(overrides) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(expected)]);
    expect(fake.requests).toEqual([]);
    expect(main.state).toEqual(EMPTY_STATE); // every key claimed, none filled
    expect(leaks(main, minting.token)).toEqual([]);
    expectNoStackTrace(main);
  });

  it('an env credential with a line break', async () => {
    const inputs = baseInputs({ 'minting-token-id': '', 'minting-token': '' });
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs,
      env: { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_a\nb' },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(/^Input "PLANETSCALE_SERVICE_TOKEN": contains a line break/)]);
    expect(fake.requests).toEqual([]);
  });

  it('a long default name is shown whole in messages', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs({ name: 'x'.repeat(56) }) });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['name']).toHaveLength(63);
    expect(main.lines.some((line) => line.includes(`"${main.outputs['name']}"`))).toBe(true);
  });
});

describe('messages', () => {
  it('a 63-character token name is shown whole in messages', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: baseInputs({ name: 'x'.repeat(56) }) });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['name']).toHaveLength(63);
    expect(main.lines.some((line) => line.includes(`"${main.outputs['name']}"`))).toBe(true);
  });
});
