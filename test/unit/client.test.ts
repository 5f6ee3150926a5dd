// The API client against undici's MockAgent: headers, paths, error bodies, redaction, redirects.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explain } from '../../src/report/explain.ts';
import { PlanetScaleClient, organizationPath } from '../../src/planetscale/client.ts';
import { PlanetScaleApiError, PlanetScaleNetworkError, PlanetScaleResponseError, redact } from '../../src/planetscale/errors.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/planetscale/retry.ts';
import { createServiceToken, deleteServiceToken, getTokenAccesses, grantAccesses } from '../../src/planetscale/service-tokens.ts';
import { ACTION_VERSION } from '../../src/planetscale/version.ts';

const BASE = 'https://api.planetscale.test';
let agent: MockAgent;
let debugLines: string[];
const client = (
  credential: ConstructorParameters<typeof PlanetScaleClient>[0]['credential'] = {
    kind: 'service-token',
    id: 'mintid',
    token: 'pscale_tkn_mint',
  },
) => new PlanetScaleClient({ baseUrl: BASE, credential, dispatcher: agent, debug: (line) => debugLines.push(line) });

/** One attempt per call: these tests are about a single answer; retries are in retry.test.ts. */
const once = () =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1 },
  });

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  debugLines = [];
});
afterEach(() => agent.close());

describe('PlanetScaleClient', () => {
  it('sends the service token as "ID:TOKEN" with JSON and a User-Agent, and logs no credential', async () => {
    let seen: Record<string, string> = {};
    let sentBody = '';
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
      .reply(200, (options) => {
        seen = options.headers as Record<string, string>;
        sentBody = options.body as string;
        return { id: 'abc123def456', token: 'pscale_tkn_new', name: 'ci-x', expires_at: '2026-11-22T09:00:00.000Z' };
      });
    const token = await createServiceToken(client(), 'acme', { name: 'ci-x', ttlSeconds: 900 });
    expect(token).toEqual({ id: 'abc123def456', token: 'pscale_tkn_new', name: 'ci-x', expiresAt: '2026-11-22T09:00:00.000Z' });
    const headers = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers['authorization']).toBe('mintid:pscale_tkn_mint');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['accept']).toBe('application/json');
    expect(headers['user-agent']).toBe(`planetscale-token-action/${ACTION_VERSION}`);
    expect(JSON.parse(sentBody)).toEqual({ name: 'ci-x', ttl: 900 });
    expect(debugLines).toEqual([
      expect.stringMatching(/^PlanetScale API POST \/v1\/organizations\/acme\/service-tokens -> 200 in \d+ ms$/),
    ]);
    expect(debugLines.join()).not.toMatch(/mintid|pscale_tkn/);
  });

  it('sends an api-token as Bearer', async () => {
    let auth = '';
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens/t1/access', method: 'POST' })
      .reply(200, (options) => {
        auth =
          (options.headers as Record<string, string>)['Authorization'] ??
          (options.headers as Record<string, string>)['authorization'] ??
          '';
        return {
          type: 'list',
          data: [{ id: 'r1', type: 'DatabaseAccess', access: 'read_branch', resource: { id: 'd1', type: 'Database', name: 'app' } }],
        };
      });
    const granted = await grantAccesses(client({ kind: 'api-token', token: 'oauth-tok' }), 'acme', 't1', 'app', ['read_branch']);
    expect(auth).toBe('Bearer oauth-tok');
    expect(granted).toEqual({ records: [{ access: 'read_branch', resourceType: 'Database', resourceName: 'app' }], paged: false });
  });

  it("says when a grant answer is one page of several; the token's accesses come whole from GET /service-tokens/{id}, in one call", async () => {
    const record = (access: string) => ({
      id: access,
      type: 'DatabaseAccess',
      access,
      resource: { id: 'd1', type: 'Database', name: 'app' },
    });
    // The spec's service_token_accesses: resource_type and resource_name beside the resource.
    const inline = (access: string, name: string) => ({
      id: `${access}-${name}`,
      access,
      resource_type: 'Database',
      resource_name: name,
      resource: { id: name, name },
    });
    const many = Array.from({ length: 300 }, (_, i) => inline('read_branch', `db${i}`));
    const pool = agent.get(BASE);
    pool
      .intercept({ path: '/v1/organizations/acme/service-tokens/t1/access', method: 'POST' })
      .reply(200, { type: 'list', current_page: 1, next_page: 2, data: [record('read_branch')] });
    let reads = 0;
    pool.intercept({ path: '/v1/organizations/acme/service-tokens/t1', method: 'GET' }).reply(200, () => {
      reads++;
      return { id: 't1', type: 'ServiceToken', token: null, service_token_accesses: many };
    });
    expect((await grantAccesses(client(), 'acme', 't1', 'app', ['read_branch', 'create_branch'])).paged).toBe(true);
    const held = await getTokenAccesses(client(), 'acme', 't1');
    expect(reads).toBe(1);
    expect(held).toHaveLength(300);
    expect(held[299]).toEqual({ access: 'read_branch', resourceType: 'Database', resourceName: 'db299' });
  });

  it('refuses a token object that is about another token, or that has no list of accesses', async () => {
    const answer = (body: object) => {
      agent.get(BASE).intercept({ path: '/v1/organizations/acme/service-tokens/t1', method: 'GET' }).reply(200, body);
      return getTokenAccesses(once(), 'acme', 't1').catch((e: unknown) => e);
    };
    const other = await answer({ id: 't2', service_token_accesses: [] });
    expect(other).toBeInstanceOf(PlanetScaleResponseError);
    expect(String(other)).toMatch(/about another token/);
    for (const body of [{ id: 't1', service_token_accesses: null }, { id: 't1' }, []]) {
      const error = await answer(body);
      expect(error).toBeInstanceOf(PlanetScaleResponseError);
      expect(String(error)).toMatch(/without a list of the token's accesses/);
    }
    expect(await answer({ id: 't1', service_token_accesses: [] })).toEqual([]);
  });

  it("reads access records in the token object's shape as in the /access shape, and refuses an answer with a record it cannot read", async () => {
    const grant = (data: unknown[]) => {
      agent
        .get(BASE)
        .intercept({ path: '/v1/organizations/acme/service-tokens/t1/access', method: 'POST' })
        .reply(200, { type: 'list', next_page: null, data });
      return grantAccesses(client(), 'acme', 't1', 'app', ['read_branch']);
    };
    const app = { access: 'read_branch', resource: { id: 'd1', type: 'Database', name: 'app' } };
    // The spec's service_token_accesses: resource_type and resource_name beside a resource without a type.
    const tokenShape = {
      id: 'a1',
      access: 'delete_database',
      resource_type: 'Database',
      resource_name: 'app',
      resource: { id: 'd1', name: 'app' },
    };
    expect((await grant([app, tokenShape])).records).toEqual([
      { access: 'read_branch', resourceType: 'Database', resourceName: 'app' },
      { access: 'delete_database', resourceType: 'Database', resourceName: 'app' },
    ]);
    expect((await grant([{ access: 'delete_database', resource_type: 'Database', resource_name: 'app' }])).records).toEqual([
      { access: 'delete_database', resourceType: 'Database', resourceName: 'app' },
    ]);
    for (const [bad, why] of [
      [{ access: 'delete_database', resource: 'app' }, '`resource` is not an object'],
      [{ access: ['delete_database'], resource: { type: 'Database', name: 'app' } }, '`access` is not an access name'],
      [{ access: 'delete_database', resource: { type: 'Database' } }, 'no resource name'],
      [{ access: 'delete_database', resource: { name: 'app' } }, 'no resource type'],
      [{ access: 'delete_database', resource: { type: 'Database', name: 'app' }, resource_name: 'other' }, 'two that differ'],
      ['delete_database', 'not an object'],
    ] as const) {
      const error = await grant([app, bad]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanetScaleResponseError);
      expect(String(error)).toContain('cannot be read (record 2: ');
      expect(String(error)).toContain(why);
    }
  });

  it('encodes every name as one path segment', () => {
    expect(organizationPath('a/b', 'service-tokens', '../x', 'access')).toBe('/v1/organizations/a%2Fb/service-tokens/..%2Fx/access');
    expect(organizationPath('a?b#c')).toBe('/v1/organizations/a%3Fb%23c');
  });

  it('turns an error body into PlanetScaleApiError with status, code and a redacted message', async () => {
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
      .reply(422, { code: 'unprocessable', message: 'ttl is invalid for mintid and pscale_tkn_leaky123' });
    const error = await createServiceToken(client(), 'acme', { name: 'x', ttlSeconds: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleApiError);
    expect(error).toMatchObject({ status: 422, code: 'unprocessable', apiMessage: 'ttl is invalid for *** and ***' });
    expect(explain(error, { kind: 'create', org: 'acme' })).toBe(
      'PlanetScale refused creating a service token in organization "acme" as invalid (HTTP 422, code "unprocessable"). PlanetScale says: "ttl is invalid for *** and ***".',
    );
  });

  it('copes with error bodies that are not JSON, or empty', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' }).reply(502, '<html>Bad gateway</html>');
    pool.intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' }).reply(500, '');
    const first = await createServiceToken(once(), 'acme', { name: 'x', ttlSeconds: 60 }).catch((e: unknown) => e);
    expect(first).toMatchObject({ status: 502, code: undefined, apiMessage: '<html>Bad gateway</html>' });
    const second = await createServiceToken(once(), 'acme', { name: 'x', ttlSeconds: 60 }).catch((e: unknown) => e);
    expect(second).toMatchObject({ status: 500, code: undefined, apiMessage: undefined });
    expect(explain(second, { kind: 'create', org: 'acme' })).toBe(
      'PlanetScale failed creating a service token in organization "acme" (HTTP 500).',
    );
  });

  it('refuses to follow a redirect', async () => {
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens/t1', method: 'DELETE' })
      .reply(307, '', { headers: { location: 'https://evil.test/steal' } });
    const error = await deleteServiceToken(client(), 'acme', 't1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect((error as Error).message).toMatch(/refused to follow a redirect \(HTTP 307\)/);
  });

  it('reports a network failure with its reason', async () => {
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens/t1', method: 'DELETE' })
      .replyWithError(new Error('socket hang up'));
    const error = await deleteServiceToken(once(), 'acme', 't1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect(explain(error, { kind: 'delete', org: 'acme', tokenName: 'ci-x' })).toBe(
      `Could not reach PlanetScale at ${BASE}/v1/organizations/acme/service-tokens/t1 while deleting service token "ci-x": socket hang up.`,
    );
  });

  it('treats 404 on delete as not-found and any 2xx as deleted', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/organizations/acme/service-tokens/t1', method: 'DELETE' }).reply(204, '');
    pool.intercept({ path: '/v1/organizations/acme/service-tokens/t2', method: 'DELETE' }).reply(200, {});
    pool
      .intercept({ path: '/v1/organizations/acme/service-tokens/t3', method: 'DELETE' })
      .reply(404, { code: 'not_found', message: 'Not Found' });
    expect(await deleteServiceToken(client(), 'acme', 't1')).toBe('deleted');
    expect(await deleteServiceToken(client(), 'acme', 't2')).toBe('deleted');
    expect(await deleteServiceToken(client(), 'acme', 't3')).toBe('not-found');
  });

  it('rejects a create answer without id and secret', async () => {
    agent.get(BASE).intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' }).reply(200, { id: 'x' });
    await expect(createServiceToken(client(), 'acme', { name: 'x', ttlSeconds: 60 })).rejects.toThrow(/without a token id and secret/);
  });

  it("does not take a create answer's ID that does not look like one, not even to delete by", async () => {
    for (const id of ['../x', '', 'a/b', 'x'.repeat(65), 42]) {
      agent
        .get(BASE)
        .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
        .reply(200, { id, token: 'pscale_tkn_new' });
      const error = await createServiceToken(client(), 'acme', { name: 'x', ttlSeconds: 60 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanetScaleResponseError);
      expect((error as PlanetScaleResponseError).tokenId).toBeUndefined();
      expect(String(error)).not.toContain('../x');
    }
  });

  it("hands a create answer's secret to onSecret before checking the answer, a refused one too", async () => {
    for (const id of ['../x', '', 'tok1']) {
      agent
        .get(BASE)
        .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
        .reply(200, { id, token: 'pscale_tkn_new' });
      const seen: string[] = [];
      const result = await createServiceToken(
        client(),
        'acme',
        { name: 'x', ttlSeconds: 60 },
        { onSecret: (secret) => seen.push(secret) },
      ).catch((e: unknown) => e);
      expect(seen).toEqual(['pscale_tkn_new']);
      if (id === 'tok1') expect(result).toMatchObject({ id: 'tok1', token: 'pscale_tkn_new' });
      else expect(result).toBeInstanceOf(PlanetScaleResponseError);
    }
    agent.get(BASE).intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' }).reply(200, { id: 'tok1', token: '' });
    const seen: string[] = [];
    await createServiceToken(client(), 'acme', { name: 'x', ttlSeconds: 60 }, { onSecret: (secret) => seen.push(secret) }).catch(
      () => undefined,
    );
    expect(seen).toEqual([]);
  });

  it("takes a create answer with the minting token's own ID for a bad answer, and never grants to or deletes that ID", async () => {
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
      .reply(200, { id: 'mintid', token: 'pscale_tkn_new' });
    const error = await createServiceToken(client(), 'acme', { name: 'x', ttlSeconds: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleResponseError);
    expect((error as PlanetScaleResponseError).tokenId).toBeUndefined();
    expect(String(error)).toMatch(/the ID of the minting token itself/);
    expect(String(error)).not.toContain('mintid');
    // Refused before sending: the MockAgent, with no interceptor, would fail the call otherwise.
    await expect(deleteServiceToken(client(), 'acme', 'mintid')).rejects.toThrow(/Refused to delete the minting token itself/);
    await expect(grantAccesses(client(), 'acme', 'mintid', 'app', ['read_branch'])).rejects.toThrow(/Refused to grant accesses to/);
    // An OAuth token has no ID of its own: the same ID is a token like any other.
    agent
      .get(BASE)
      .intercept({ path: '/v1/organizations/acme/service-tokens', method: 'POST' })
      .reply(200, { id: 'mintid', token: 'pscale_tkn_new' });
    expect(
      await createServiceToken(client({ kind: 'api-token', token: 'oauth-tok' }), 'acme', { name: 'x', ttlSeconds: 60 }),
    ).toMatchObject({
      id: 'mintid',
    });
  });

  it('refuses to put an ID that does not look like one into a path, before sending', async () => {
    await expect(deleteServiceToken(client(), 'acme', '../x')).rejects.toThrow(/does not look like one/);
    await expect(grantAccesses(client(), 'acme', 'a b', 'app', ['read_branch'])).rejects.toThrow(/does not look like one/);
  });
});

describe('explain', () => {
  const apiError = (status: number, code?: string) => new PlanetScaleApiError('POST', '/v1/x', status, code, undefined);
  it('says the minting token is wrong on 401', () => {
    expect(explain(apiError(401, 'unauthorized'), { kind: 'create', org: 'acme' })).toMatch(
      /^PlanetScale rejected the minting token \(HTTP 401, code "unauthorized"\) while creating a service token in organization "acme": .*wrong, expired or deleted/,
    );
  });
  it('names the missing permission on a 404', () => {
    expect(explain(apiError(404, 'not_found'), { kind: 'create', org: 'acme' })).toMatch(/lacks write_service_tokens/);
    expect(explain(apiError(404, 'not_found'), { kind: 'delete', org: 'acme', tokenName: 't' })).toMatch(/lacks delete_service_tokens/);
    expect(
      explain(apiError(403, 'forbidden'), {
        kind: 'grant',
        org: 'acme',
        request: { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch'] },
      }),
    ).toMatch(
      /HTTP 403, code "forbidden".*the database does not exist, or the minting token does not itself hold read_branch on database "app"/,
    );
  });
  it('says a 429 is the shared rate limit, that a refused create made nothing, and how to scale', () => {
    const limited = Object.assign(apiError(429, 'rate_limited'), { attempts: 7 });
    expect(explain(limited, { kind: 'create', org: 'acme' })).toBe(
      'PlanetScale rate-limited creating a service token in organization "acme" (HTTP 429, code "rate_limited", after 7 attempts): ' +
        "the minting token's requests a minute, shared by every job that uses it, are spent, so no token was created. " +
        'Run fewer such jobs at once, or give each repository or team a minting token of its own.',
    );
    expect(explain(limited, { kind: 'delete', org: 'acme', tokenName: 't' })).toMatch(
      /^PlanetScale rate-limited deleting service token "t" .* are spent\. Run fewer/,
    );
  });
});

describe('redact', () => {
  it('hides token-shaped text and known secrets, and keeps messages short and on one line', () => {
    expect(redact('a pscale_tkn_abcDEF-123_x b\nc', ['b'])).toBe('a *** *** c');
    expect(redact('x'.repeat(1000))).toHaveLength(300);
  });
});
