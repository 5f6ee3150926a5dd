// Tests of the fake PlanetScale API itself: its behaviour (auth, the 404-for-permission rule,
// delegation, expiry, pagination, deletion, org isolation) with plain fetch, and its
// responses validated against the published openapi spec, so that tests of the action that
// pass against the fake are passing against the real API's shapes.

import type { ValidateFunction } from 'ajv';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES } from './fake-planetscale/accesses.ts';
import { FakePlanetScale } from './fake-planetscale/index.ts';
import { OpenApiSpec, type SpecResponse } from './openapi-spec.ts';
import { OPERATION_IDS } from '../scripts/spec-update.ts';
import type { ApiJson } from './pscale-client.ts';

// --- helpers -----------------------------------------------------------------------------------

interface Credential {
  id: string;
  token: string;
}

type Auth = Credential | { bearer: string } | string | undefined;

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
  json: ApiJson;
}

function authHeader(auth: Auth): string | undefined {
  if (auth === undefined || typeof auth === 'string') return auth;
  return 'bearer' in auth ? `Bearer ${auth.bearer}` : `${auth.id}:${auth.token}`;
}

let fake: FakePlanetScale;

/** One request to the fake. `body` is JSON-encoded unless `rawBody` is given. */
async function call(method: string, path: string, auth: Auth, options: { body?: unknown; rawBody?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = authHeader(auth);
  if (authorization !== undefined) headers['authorization'] = authorization;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${fake.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json: json as ApiJson };
}

const ORG = 'acme';
const tokensPath = (org = ORG): string => `/v1/organizations/${encodeURIComponent(org)}/service-tokens`;
const accessPath = (id: string, org = ORG): string => `${tokensPath(org)}/${id}/access`;
const branchesPath = (db: string, org = ORG): string =>
  `/v1/organizations/${encodeURIComponent(org)}/databases/${encodeURIComponent(db)}/branches`;

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toMatch(/^application\/json/);
  expect(reply.json).toMatchObject({ code });
  expect(typeof reply.json.message).toBe('string');
}

function expectNotFound(reply: Reply): void {
  expectError(reply, 404, 'not_found');
  expect(reply.json).toEqual({ code: 'not_found', message: 'Not Found' });
}

/** The long-lived token the action would be given: may mint and delegate a subset. */
let minting: Credential;

/** Mints a token through the API as `minting` and returns its credential. */
async function mint(body: Record<string, unknown> = {}): Promise<Credential & { json: Reply['json'] }> {
  const reply = await call('POST', tokensPath(), minting, { body });
  expect(reply.status).toBe(200);
  return { id: reply.json.id, token: reply.json.token, json: reply.json };
}

beforeEach(async () => {
  fake = await FakePlanetScale.start({ now: new Date('2026-08-01T12:00:00.000Z') });
  fake.addOrganization(ORG);
  fake.addDatabase(ORG, 'db1');
  fake.addDatabase(ORG, 'db2');
  fake.addOrganization('other');
  fake.addDatabase('other', 'otherdb');
  minting = fake.addServiceToken(
    ORG,
    {
      organization: ['write_service_tokens', 'read_service_tokens', 'delete_service_tokens'],
      databases: { db1: ['read_branch', 'create_branch', 'read_database'] },
    },
    { name: 'minting' },
  );
});

afterEach(async () => {
  await fake.close();
});

// --- behaviour -------------------------------------------------------------------------------

describe('authentication', () => {
  it('answers 401 unauthorized without an Authorization header', async () => {
    expectError(await call('GET', tokensPath(), undefined), 401, 'unauthorized');
  });

  it('answers 401 for malformed headers', async () => {
    for (const header of ['Basic abc', 'justatoken', `${minting.id}:`, `:${minting.token}`, 'Bearer']) {
      expectError(await call('GET', tokensPath(), header), 401, 'unauthorized');
    }
  });

  it('answers 401 for an unknown id or a wrong secret', async () => {
    expectError(await call('GET', tokensPath(), { id: 'aaaaaaaaaaaa', token: minting.token }), 401, 'unauthorized');
    expectError(await call('GET', tokensPath(), { id: minting.id, token: 'pscale_tkn_wrong' }), 401, 'unauthorized');
    expectError(await call('GET', tokensPath(), { bearer: 'not-a-known-oauth-token' }), 401, 'unauthorized');
  });

  it('checks authentication before routing', async () => {
    expectError(await call('GET', '/v1/no/such/route', undefined), 401, 'unauthorized');
    expectNotFound(await call('GET', '/v1/no/such/route', minting));
  });

  it('answers 401 for a deleted token', async () => {
    const minted = await mint();
    expect((await call('GET', '/v1/organizations', minted)).status).toBe(200);
    expect((await call('DELETE', `${tokensPath()}/${minted.id}`, minting)).status).toBe(204);
    expectError(await call('GET', '/v1/organizations', minted), 401, 'unauthorized');
  });

  it('answers 401 once a token has expired by the fake clock', async () => {
    const minted = await mint({ ttl: 60 });
    expect((await call('GET', '/v1/organizations', minted)).status).toBe(200);
    fake.advance(59_999);
    expect((await call('GET', '/v1/organizations', minted)).status).toBe(200);
    fake.advance(1);
    expectError(await call('GET', '/v1/organizations', minted), 401, 'unauthorized');
  });

  it('expires seeded tokens too, and never expires them without a ttl', async () => {
    const shortLived = fake.addServiceToken(ORG, {}, { ttlSeconds: 10 });
    fake.advance(365 * 24 * 3600 * 1000);
    expectError(await call('GET', '/v1/organizations', shortLived), 401, 'unauthorized');
    expect((await call('GET', '/v1/organizations', minting)).status).toBe(200);
  });

  it('lets any valid credential list its organizations, whatever its accesses', async () => {
    const bare = fake.addServiceToken(ORG, {});
    const reply = await call('GET', '/v1/organizations', bare);
    expect(reply.status).toBe(200);
    expect(reply.json.data.map((o: { name: string }) => o.name)).toEqual([ORG]);
    expect(reply.json.data[0]!.type).toBe('Organization');
  });

  it('accepts OAuth tokens as Bearer credentials with their own accesses', async () => {
    const oauth = fake.addOAuthToken(ORG, { organization: ['read_service_tokens'] });
    expect((await call('GET', tokensPath(), { bearer: oauth })).status).toBe(200);
    expectNotFound(await call('POST', tokensPath(), { bearer: oauth }, { body: {} }));
    expect(fake.requests.at(-1)?.credentialId).toBe(`oauth:${oauth.slice(0, 6)}`);
  });
});

describe('permissions and errors', () => {
  it('answers 404 not_found (not 403) for each missing service-token permission', async () => {
    const reader = fake.addServiceToken(ORG, { organization: ['read_service_tokens'] });
    const writer = fake.addServiceToken(ORG, { organization: ['write_service_tokens'] });
    const minted = await mint();
    expectNotFound(await call('POST', tokensPath(), reader, { body: {} }));
    expectNotFound(await call('GET', tokensPath(), writer));
    expectNotFound(await call('GET', `${tokensPath()}/${minted.id}`, writer));
    expectNotFound(await call('DELETE', `${tokensPath()}/${minted.id}`, reader));
    expectNotFound(await call('DELETE', `${tokensPath()}/${minted.id}`, writer));
    expectNotFound(await call('GET', accessPath(minted.id), writer));
    expectNotFound(await call('POST', accessPath(minted.id), reader, { body: { database: 'db1', access: ['read_branch'] } }));
    // Nothing was deleted by the refused calls.
    expect(fake.token(minted.id)?.deleted).toBe(false);
  });

  it('answers 404 for an unknown organization, and for another organization (isolation)', async () => {
    expectNotFound(await call('GET', tokensPath('nope'), minting));
    expectNotFound(await call('GET', tokensPath('other'), minting));
    expectNotFound(await call('POST', tokensPath('other'), minting, { body: {} }));
    expect(fake.tokens('other')).toEqual([]);

    // The other organization's all-powerful token sees nothing of acme either.
    const otherAdmin = fake.addServiceToken('other', {
      organization: ['read_service_tokens', 'write_service_tokens', 'delete_service_tokens', 'read_databases'],
    });
    expectNotFound(await call('GET', tokensPath(), otherAdmin));
    expectNotFound(await call('GET', `${tokensPath()}/${minting.id}`, otherAdmin));
    expectNotFound(await call('DELETE', `${tokensPath()}/${minting.id}`, otherAdmin));
    expectNotFound(await call('GET', `/v1/organizations/${ORG}/databases`, otherAdmin));
    // A token id from another organization does not exist in this one.
    expectNotFound(await call('GET', `${tokensPath('other')}/${minting.id}`, otherAdmin));
    const orgs = await call('GET', '/v1/organizations', otherAdmin);
    expect(orgs.json.data.map((o: { name: string }) => o.name)).toEqual(['other']);
  });

  it('answers 404 for unknown routes and methods', async () => {
    expectNotFound(await call('GET', '/v1/nothing-here', minting));
    expectNotFound(await call('PUT', tokensPath(), minting, { body: {} }));
    expectNotFound(await call('GET', '/organizations', minting)); // no /v1 prefix
  });

  it('answers 400 bad_request for a body that is not JSON', async () => {
    expectError(await call('POST', tokensPath(), minting, { rawBody: '{"name": ' }), 400, 'bad_request');
    expect(fake.requests.at(-1)?.body).toBe('{"name": ');
  });

  it('decodes path segments', async () => {
    fake.addOrganization('my org');
    const spaced = fake.addServiceToken('my org', { organization: ['read_service_tokens'] });
    const reply = await call('GET', tokensPath('my org'), spaced);
    expect(reply.status).toBe(200);
    expect(fake.requests.at(-1)?.path).toBe('/v1/organizations/my%20org/service-tokens');
  });
});

describe('creating service tokens', () => {
  it('returns the token with its plaintext secret once, and no accesses', async () => {
    const created = await mint({ name: 'ci-job', ttl: 3600 });
    expect(created.id).toMatch(/^[a-z0-9]{12}$/);
    expect(created.token).toMatch(/^pscale_tkn_[A-Za-z0-9_-]{43}$/);
    expect(created.json).toMatchObject({
      type: 'ServiceToken',
      name: 'ci-job',
      created_at: '2026-08-01T12:00:00.000Z',
      expires_at: '2026-08-01T13:00:00.000Z',
      service_token_accesses: [],
      oauth_accesses_by_resource: null,
    });
    // The secret is never shown again.
    const shown = await call('GET', `${tokensPath()}/${created.id}`, minting);
    expect(shown.json.token).toBeNull();
    expect(fake.token(created.id)).toMatchObject({
      name: 'ci-job',
      org: ORG,
      deleted: false,
      createdBy: minting.id,
      accesses: { organization: [], databases: {} },
    });
    expect(fake.mintedTokens().map((t) => t.id)).toEqual([created.id]);
  });

  it('creates a nameless, non-expiring token from an empty body', async () => {
    const reply = await call('POST', tokensPath(), minting);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ name: null, expires_at: null });
    expect(fake.token(reply.json.id)?.expiresAt).toBeNull();
  });

  it('answers 422 unprocessable for a ttl that is not a positive integer', async () => {
    for (const ttl of [0, -5, 1.5, '60', true, {}]) {
      expectError(await call('POST', tokensPath(), minting, { body: { ttl } }), 422, 'unprocessable');
    }
    expectError(await call('POST', tokensPath(), minting, { body: { name: 42 } }), 422, 'unprocessable');
    expectError(await call('POST', tokensPath(), minting, { body: [1, 2] }), 422, 'unprocessable');
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('uses the fake clock for created_at and expires_at', async () => {
    fake.advance(5_000);
    const created = await mint({ ttl: 10 });
    expect(created.json.created_at).toBe('2026-08-01T12:00:05.000Z');
    expect(created.json.expires_at).toBe('2026-08-01T12:00:15.000Z');
    expect(fake.now().toISOString()).toBe('2026-08-01T12:00:05.000Z');
  });
});

describe('granting accesses (delegation rule)', () => {
  it('grants accesses the caller holds on the same database, one record per access', async () => {
    const minted = await mint();
    const reply = await call('POST', accessPath(minted.id), minting, {
      body: { database: 'db1', access: ['read_branch', 'create_branch'] },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.type).toBe('list');
    expect(reply.json.data).toHaveLength(2);
    expect(reply.json.data.map((r: { access: string }) => r.access)).toEqual(['read_branch', 'create_branch']);
    expect(reply.json.data[0]).toMatchObject({
      type: 'DatabaseAccess',
      resource: { type: 'Database', name: 'db1' },
    });
    expect(fake.token(minted.id)?.accesses).toEqual({
      organization: [],
      databases: { db1: ['read_branch', 'create_branch'] },
    });
  });

  it('grants organization-level accesses with database ""', async () => {
    const minted = await mint();
    const reply = await call('POST', accessPath(minted.id), minting, {
      body: { database: '', access: ['read_service_tokens'] },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.data[0]!.resource).toMatchObject({ type: 'Organization', name: ORG });
    expect(fake.token(minted.id)?.accesses.organization).toEqual(['read_service_tokens']);
  });

  it('refuses with 404 an access the caller does not hold, at that level or on that database', async () => {
    const minted = await mint();
    // Held on db1 only.
    expectNotFound(await call('POST', accessPath(minted.id), minting, { body: { database: 'db2', access: ['read_branch'] } }));
    // Not held anywhere.
    expectNotFound(await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['delete_branch'] } }));
    expectNotFound(await call('POST', accessPath(minted.id), minting, { body: { database: '', access: ['create_databases'] } }));
    // One access not held spoils the whole call: nothing is granted.
    expectNotFound(
      await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch', 'delete_branch'] } }),
    );
    expect(fake.token(minted.id)?.accesses).toEqual({ organization: [], databases: {} });
  });

  it('needs write_service_tokens even for accesses the caller holds', async () => {
    const holder = fake.addServiceToken(ORG, { databases: { db1: ['read_branch'] } });
    const minted = await mint();
    expectNotFound(await call('POST', accessPath(minted.id), holder, { body: { database: 'db1', access: ['read_branch'] } }));
  });

  it('answers 404 for an unknown database or token', async () => {
    const minted = await mint();
    expectNotFound(await call('POST', accessPath(minted.id), minting, { body: { database: 'nope', access: ['read_branch'] } }));
    expectNotFound(await call('POST', accessPath('zzzzzzzzzzzz'), minting, { body: { database: 'db1', access: ['read_branch'] } }));
  });

  it('answers 422 naming an access that does not exist at that level', async () => {
    const minted = await mint();
    let reply = await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_bogus'] } });
    expectError(reply, 422, 'unprocessable');
    expect(reply.json.message).toContain('read_bogus');
    // An organization-level name on a database, and the reverse.
    reply = await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_service_tokens'] } });
    expectError(reply, 422, 'unprocessable');
    expect(reply.json.message).toContain('read_service_tokens');
    reply = await call('POST', accessPath(minted.id), minting, { body: { database: '', access: ['read_branch'] } });
    expectError(reply, 422, 'unprocessable');
    expect(reply.json.message).toContain('read_branch');
  });

  it('answers 422 for a missing, empty or malformed access list', async () => {
    const minted = await mint();
    for (const body of [
      { database: 'db1' },
      { database: 'db1', access: [] },
      { database: 'db1', access: 'read_branch' },
      { database: 'db1', access: [1] },
      { database: 'db1', accesses: ['read_branch'] }, // plural key: wrong
    ]) {
      expectError(await call('POST', accessPath(minted.id), minting, { body }), 422, 'unprocessable');
    }
  });

  it('is idempotent: granting a held access again returns the same record', async () => {
    const minted = await mint();
    const body = { database: 'db1', access: ['read_branch'] };
    const first = await call('POST', accessPath(minted.id), minting, { body });
    const second = await call('POST', accessPath(minted.id), minting, { body });
    expect(second.status).toBe(200);
    expect(second.json.data[0]!.id).toBe(first.json.data[0]!.id);
    expect(fake.token(minted.id)?.accesses.databases).toEqual({ db1: ['read_branch'] });
  });

  it('lists and revokes accesses', async () => {
    const minted = await mint();
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch', 'create_branch'] } });
    await call('POST', accessPath(minted.id), minting, { body: { database: '', access: ['read_service_tokens'] } });
    let listed = await call('GET', accessPath(minted.id), minting);
    expect(listed.status).toBe(200);
    expect(listed.json.total_count).toBe(3);

    const revoked = await call('DELETE', accessPath(minted.id), minting, { body: { database: 'db1', access: ['create_branch'] } });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    listed = await call('GET', accessPath(minted.id), minting);
    expect(listed.json.data.map((r: { access: string }) => r.access).sort()).toEqual(['read_branch', 'read_service_tokens']);

    const grants = await call('GET', `${tokensPath()}/${minted.id}/grants`, minting);
    expect(grants.status).toBe(200);
    expect(grants.json.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ServiceTokenGrant', resource_type: 'Database', resource_name: 'db1' }),
        expect.objectContaining({ type: 'ServiceTokenGrant', resource_type: 'Organization', resource_name: ORG }),
      ]),
    );
  });

  it('lets an OAuth token delegate what it holds', async () => {
    const oauth = fake.addOAuthToken(ORG, {
      organization: ['write_service_tokens'],
      databases: { db2: ['read_branch'] },
    });
    const created = await call('POST', tokensPath(), { bearer: oauth }, { body: { ttl: 60 } });
    expect(created.status).toBe(200);
    expect(fake.token(created.json.id)?.createdBy).toBe(`oauth:${oauth.slice(0, 6)}`);
    expect(created.json.actor_type).toBe('User');
    const ok = await call('POST', accessPath(created.json.id), { bearer: oauth }, { body: { database: 'db2', access: ['read_branch'] } });
    expect(ok.status).toBe(200);
    expectNotFound(
      await call('POST', accessPath(created.json.id), { bearer: oauth }, { body: { database: 'db1', access: ['read_branch'] } }),
    );
  });
});

describe('a minted token works exactly where it was granted', () => {
  it('reads and creates branches on db1, and is refused elsewhere', async () => {
    const minted = await mint({ ttl: 600 });
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch', 'create_branch'] } });

    const branches = await call('GET', branchesPath('db1'), minted);
    expect(branches.status).toBe(200);
    expect(branches.json.data.map((b: { name: string }) => b.name)).toEqual(['main']);
    expect(branches.json.data[0]).toMatchObject({ type: 'Branch', production: true, parent_branch: null });

    const created = await call('POST', branchesPath('db1'), minted, { body: { name: 'feature', parent_branch: 'main' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ type: 'Branch', name: 'feature', parent_branch: 'main', production: false });
    expect(created.json.actor).toMatchObject({ id: minted.id });
    expect((await call('GET', branchesPath('db1'), minted)).json.total_count).toBe(2);

    // Elsewhere: another database, service tokens, another org.
    expectNotFound(await call('GET', branchesPath('db2'), minted));
    expectNotFound(await call('POST', branchesPath('db2'), minted, { body: { name: 'x' } }));
    expectNotFound(await call('GET', tokensPath(), minted));
    expectNotFound(await call('POST', tokensPath(), minted, { body: {} }));
    expectNotFound(await call('GET', branchesPath('otherdb', 'other'), minted));
  });

  it('needs create_branch to create, read access alone is not enough', async () => {
    const minted = await mint();
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch'] } });
    expectNotFound(await call('POST', branchesPath('db1'), minted, { body: { name: 'feature' } }));
    expect((await call('GET', branchesPath('db1'), minted)).status).toBe(200);
  });

  it('validates branch creation', async () => {
    expectError(await call('POST', branchesPath('db1'), minting, { body: {} }), 422, 'unprocessable');
    expectError(await call('POST', branchesPath('db1'), minting, { body: { name: 'main' } }), 422, 'unprocessable');
    expectNotFound(await call('POST', branchesPath('db1'), minting, { body: { name: 'x', parent_branch: 'nope' } }));
    expectNotFound(await call('GET', branchesPath('nope'), minting));
  });

  it('lists all databases with read_databases, and only its own with database accesses', async () => {
    const admin = fake.addServiceToken(ORG, { organization: ['read_databases'] });
    const all = await call('GET', `/v1/organizations/${ORG}/databases`, admin);
    expect(all.json.data.map((d: { name: string }) => d.name)).toEqual(['db1', 'db2']);

    const dbOnly = await call('GET', `/v1/organizations/${ORG}/databases`, minting);
    expect(dbOnly.json.data.map((d: { name: string }) => d.name)).toEqual(['db1']);

    const bare = fake.addServiceToken(ORG, { organization: ['read_service_tokens'] });
    expectNotFound(await call('GET', `/v1/organizations/${ORG}/databases`, bare));
  });

  it('stops working once deleted', async () => {
    const minted = await mint();
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch'] } });
    expect((await call('GET', branchesPath('db1'), minted)).status).toBe(200);
    await call('DELETE', `${tokensPath()}/${minted.id}`, minting);
    expectError(await call('GET', branchesPath('db1'), minted), 401, 'unauthorized');
  });

  it('loses an access as soon as it is revoked', async () => {
    const minted = await mint();
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch'] } });
    expect((await call('GET', branchesPath('db1'), minted)).status).toBe(200);
    await call('DELETE', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch'] } });
    expectNotFound(await call('GET', branchesPath('db1'), minted));
  });
});

describe('listing and pagination', () => {
  it('pages through 30 tokens in creation order, following next_page until null', async () => {
    fake.addServiceToken('other', {}); // another org's tokens are not listed
    const created: string[] = [minting.id];
    for (let i = 0; i < 29; i++) created.push((await mint({ name: `t${i}` })).id);

    const page1 = await call('GET', `${tokensPath()}?per_page=25`, minting);
    expect(page1.status).toBe(200);
    expect(page1.json).toMatchObject({
      type: 'list',
      current_page: 1,
      per_page: 25,
      next_page: 2,
      prev_page: null,
      prev_page_url: null,
      total_count: 30,
      total_pages: 2,
    });
    expect(page1.json.data).toHaveLength(25);
    expect(page1.json.data.every((t: { token: unknown }) => t.token === null)).toBe(true);

    // next_page_url is absolute and points back at this server.
    const nextUrl = new URL(page1.json.next_page_url);
    expect(nextUrl.origin).toBe(fake.url);
    expect(nextUrl.searchParams.get('page')).toBe('2');
    const page2 = await call('GET', `${nextUrl.pathname}${nextUrl.search}`, minting);
    expect(page2.json).toMatchObject({ current_page: 2, next_page: null, next_page_url: null, prev_page: 1 });
    expect(page2.json.data).toHaveLength(5);

    const ids = [...page1.json.data, ...page2.json.data].map((t: { id: string }) => t.id);
    expect(ids).toEqual(created);
  });

  it('pages a grant answer of 30 records like a list, and reads on through GET /access', async () => {
    const thirty = DATABASE_ACCESSES.slice(0, 30);
    minting = fake.addServiceToken(ORG, { organization: ['write_service_tokens', 'read_service_tokens'], databases: { db1: [...thirty] } });
    const minted = await mint();
    const reply = await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: thirty } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ type: 'list', current_page: 1, per_page: 25, next_page: 2, total_count: 30, total_pages: 2 });
    expect(reply.json.data).toHaveLength(25);
    const nextUrl = new URL(reply.json.next_page_url);
    expect(nextUrl.pathname).toBe(accessPath(minted.id));
    const page2 = await call('GET', `${nextUrl.pathname}${nextUrl.search}`, minting);
    expect(page2.json).toMatchObject({ current_page: 2, next_page: null });
    expect([...reply.json.data, ...page2.json.data].map((r: { access: string }) => r.access)).toEqual(thirty);
  });

  it('defaults per_page to 25 and clamps it to 100', async () => {
    for (let i = 0; i < 104; i++) fake.addServiceToken(ORG, {});
    const byDefault = await call('GET', tokensPath(), minting);
    expect(byDefault.json).toMatchObject({ per_page: 25, total_count: 105, total_pages: 5, next_page: 2 });
    const clamped = await call('GET', `${tokensPath()}?per_page=500`, minting);
    expect(clamped.json).toMatchObject({ per_page: 100, total_pages: 2 });
    expect(clamped.json.data).toHaveLength(100);
    const beyond = await call('GET', `${tokensPath()}?page=9`, minting);
    expect(beyond.json).toMatchObject({ current_page: 9, next_page: null, data: [] });
  });

  it('lists expired tokens until they are deleted', async () => {
    const minted = await mint({ ttl: 1 });
    fake.advance(10_000);
    const listed = await call('GET', tokensPath(), minting);
    expect(listed.json.data.map((t: { id: string }) => t.id)).toContain(minted.id);
    expect(fake.tokens(ORG).map((t) => t.id)).toContain(minted.id);
    expect(fake.mintedTokens().map((t) => t.id)).toEqual([minted.id]);
  });
});

describe('deleting service tokens', () => {
  it('answers 204 with no body, then 404', async () => {
    const minted = await mint();
    const deleted = await call('DELETE', `${tokensPath()}/${minted.id}`, minting);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectNotFound(await call('DELETE', `${tokensPath()}/${minted.id}`, minting));
    expectNotFound(await call('GET', `${tokensPath()}/${minted.id}`, minting));
    expectNotFound(await call('GET', accessPath(minted.id), minting));

    expect(fake.token(minted.id)?.deleted).toBe(true);
    expect(fake.tokens().map((t) => t.id)).not.toContain(minted.id);
    expect(fake.mintedTokens()).toEqual([]);
    const listed = await call('GET', tokensPath(), minting);
    expect(listed.json.data.map((t: { id: string }) => t.id)).toEqual([minting.id]);
  });
});

describe('request recording', () => {
  it('records every request without the Authorization value', async () => {
    fake.clearRequests();
    await call('POST', `${tokensPath()}?x=1`, minting, { body: { name: 'n' } });
    await call('GET', '/v1/organizations', undefined);
    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests;
    expect(first).toMatchObject({
      method: 'POST',
      path: tokensPath(),
      query: { x: '1' },
      body: { name: 'n' },
      status: 200,
      credentialId: minting.id,
    });
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(fake.requests)).not.toContain(minting.token);
    expect(second).toMatchObject({ status: 401, body: undefined });
    expect(second?.credentialId).toBeUndefined();
    fake.clearRequests();
    expect(fake.requests).toEqual([]);
  });
});

describe('seeding', () => {
  it('refuses unknown organizations, databases and access names', () => {
    expect(() => fake.addDatabase('nope', 'x')).toThrow();
    expect(() => fake.addServiceToken(ORG, { databases: { nope: ['read_branch'] } })).toThrow(/nope/);
    expect(() => fake.addServiceToken(ORG, { organization: ['read_branch'] })).toThrow(/read_branch/);
    expect(() => fake.addOAuthToken(ORG, { databases: { db1: ['read_databases'] } })).toThrow(/read_databases/);
  });
});

// --- conformance to the published spec ------------------------------------------------------

describe('schema conformance with openapi.yaml', () => {
  let spec: OpenApiSpec;

  beforeAll(() => {
    spec = OpenApiSpec.load();
  }, 60_000);

  const response = (operationId: string, status: string): SpecResponse => spec.response(operationId, status);
  const validator = (operationId: string, status: string): ValidateFunction => spec.validator(operationId, status);

  function expectConforms(operationId: string, status: string, reply: Reply): void {
    expect(String(reply.status)).toBe(status);
    expect(reply.contentType).toMatch(/^application\/json/);
    const validate = validator(operationId, status);
    const ok = validate(reply.json);
    expect(ok ? [] : validate.errors, `${operationId} ${status}`).toEqual([]);
  }

  it('finds every operation it checks, by operationId', () => {
    for (const id of OPERATION_IDS) {
      expect(spec.has(id), id).toBe(true);
    }
  });

  it('list_organizations 200', async () => {
    expectConforms('list_organizations', '200', await call('GET', '/v1/organizations', minting));
  });

  it('create_service_token 200, with and without name and ttl', async () => {
    expectConforms('create_service_token', '200', await call('POST', tokensPath(), minting, { body: { name: 'a', ttl: 60 } }));
    expectConforms('create_service_token', '200', await call('POST', tokensPath(), minting));
  });

  it('list_service_tokens 200, with accesses at both levels', async () => {
    const minted = await mint({ ttl: 60 });
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch'] } });
    await call('GET', '/v1/organizations', minted); // sets last_used_at
    expectConforms('list_service_tokens', '200', await call('GET', tokensPath(), minting));
  });

  it('get_service_token 200, with service_token_accesses filled', async () => {
    const minted = await mint();
    await call('POST', accessPath(minted.id), minting, { body: { database: 'db1', access: ['read_branch', 'create_branch'] } });
    await call('POST', accessPath(minted.id), minting, { body: { database: '', access: ['read_service_tokens'] } });
    const reply = await call('GET', `${tokensPath()}/${minted.id}`, minting);
    expectConforms('get_service_token', '200', reply);
    expect(reply.json.service_token_accesses).toHaveLength(3);
    expect(reply.json.service_token_accesses.map((a: { resource_type: string }) => a.resource_type).sort()).toEqual([
      'Database',
      'Database',
      'Organization',
    ]);
  });

  it('delete_service_token 204: the spec has no body, and neither does the fake', async () => {
    expect(response('delete_service_token', '204').content).toBeUndefined();
    const minted = await mint();
    const reply = await call('DELETE', `${tokensPath()}/${minted.id}`, minting);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.contentType).toBeNull();
  });

  it('list_databases 200', async () => {
    const admin = fake.addServiceToken(ORG, { organization: ['read_databases'] });
    expectConforms('list_databases', '200', await call('GET', `/v1/organizations/${ORG}/databases`, admin));
  });

  it('list_branches 200, including a created branch with an actor', async () => {
    await call('POST', branchesPath('db1'), minting, { body: { name: 'dev' } });
    expectConforms('list_branches', '200', await call('GET', branchesPath('db1'), minting));
  });

  it('create_branch 201', async () => {
    expect(Object.keys(spec.operation('create_branch')?.responses ?? {})).toContain('201');
    expectConforms('create_branch', '201', await call('POST', branchesPath('db1'), minting, { body: { name: 'feature' } }));
  });

  it('error bodies: the spec has no schema for them, so they are checked against the documented error shape', async () => {
    // If the spec ever documents an error body, this fails and the fake should be checked against it.
    for (const id of ['list_service_tokens', 'create_service_token', 'get_service_token', 'delete_service_token', 'list_organizations']) {
      for (const status of ['401', '403', '404', '500']) {
        expect(response(id, status).content, `${id} ${status}`).toBeUndefined();
      }
    }
    const errorShape = spec.ajv.compile({
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
      additionalProperties: false,
    });
    for (const reply of [
      await call('GET', tokensPath(), undefined),
      await call('GET', tokensPath('nope'), minting),
      await call('POST', tokensPath(), minting, { rawBody: 'nope' }),
      await call('POST', tokensPath(), minting, { body: { ttl: -1 } }),
    ]) {
      expect(errorShape(reply.json), JSON.stringify(reply.json)).toBe(true);
      expect(reply.contentType).toMatch(/^application\/json/);
    }
  });

  it('can fail: broken objects are rejected by the same validators', async () => {
    const good = (await call('POST', tokensPath(), minting, { body: { name: 'a', ttl: 60 } })).json;
    const createToken = validator('create_service_token', '200');
    expect(createToken(good)).toBe(true);
    const { display_name: _dropped, ...missingRequired } = good;
    expect(createToken(missingRequired)).toBe(false);
    expect(createToken({ ...good, expires_at: 12345 })).toBe(false);
    expect(createToken({ ...good, display_name: null })).toBe(false); // not nullable
    expect(createToken({ ...good, name: null })).toBe(true); // nullable
    expect(createToken({ ...good, service_token_accesses: [{ id: 'x', access: 'read_branch' }] })).toBe(false);

    const listTokens = validator('list_service_tokens', '200');
    const list = (await call('GET', tokensPath(), minting)).json;
    expect(listTokens(list)).toBe(true);
    const { next_page: _gone, ...noNextPage } = list;
    expect(listTokens(noNextPage)).toBe(false);
    expect(listTokens({ ...list, total_count: '1' })).toBe(false);

    const createBranch = validator('create_branch', '201');
    const branch = (await call('POST', branchesPath('db1'), minting, { body: { name: 'feature' } })).json;
    expect(createBranch(branch)).toBe(true);
    expect(createBranch({ ...branch, state: 'exploded' })).toBe(false);
    expect(createBranch({ ...branch, kind: undefined })).toBe(false);
  });
});
