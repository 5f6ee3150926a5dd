// The credential calls (planetscale/database-credentials.ts) and their messages
// (credentials/explain.ts), against undici's MockAgent.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/planetscale/retry.ts';
import { createCredential, getDatabaseKind } from '../../src/planetscale/database-credentials.ts';
import { PlanetScaleApiError, PlanetScaleNetworkError } from '../../src/planetscale/errors.ts';
import { explainCredential, neededAccess } from '../../src/credentials/explain.ts';

const BASE = 'https://api.planetscale.test';
const DB = '/v1/organizations/acme/databases/app';
const ref = { org: 'acme', database: 'app', branch: 'dev' };
let agent: MockAgent;
const client = () =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
    deadline: Date.now() + 60_000,
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 },
  });
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(() => agent.close());

describe('getDatabaseKind', () => {
  it('reads kind, and refuses one it does not know', async () => {
    agent.get(BASE).intercept({ path: DB, method: 'GET' }).reply(200, { name: 'app', kind: 'postgresql' });
    expect(await getDatabaseKind(client(), 'acme', 'app')).toBe('postgresql');
    agent.get(BASE).intercept({ path: DB, method: 'GET' }).reply(200, { name: 'app', kind: 'sqlite' });
    await expect(getDatabaseKind(client(), 'acme', 'app')).rejects.toThrow(/without a kind this action knows \("sqlite"\)/);
  });
});

describe('createCredential', () => {
  const spec = { name: 'gha-x-abc123', ttlSeconds: 900, roles: ['admin'], cidrs: ['10.0.0.0/8'] };

  it('a password: sends role, ttl and cidrs, and hands the secret over before checking the answer', async () => {
    let sent: unknown;
    agent
      .get(BASE)
      .intercept({ path: `${DB}/branches/dev/passwords`, method: 'POST', body: (b) => ((sent = JSON.parse(b)), true) })
      .reply(201, {
        id: 'pw1',
        name: spec.name,
        username: 'u1',
        plain_text: 'pscale_pw_x',
        access_host_url: 'aws.connect.psdb.cloud',
        expires_at: '2026-12-05T00:00:00Z',
      });
    const secrets: string[] = [];
    const created = await createCredential(client(), ref, 'password', spec, { onSecret: (s) => secrets.push(s) });
    expect(sent).toEqual({ name: spec.name, role: 'admin', ttl: 900, cidrs: ['10.0.0.0/8'] });
    expect(secrets).toEqual(['pscale_pw_x']);
    expect(created).toEqual({
      id: 'pw1',
      name: spec.name,
      username: 'u1',
      password: 'pscale_pw_x',
      accessHost: 'aws.connect.psdb.cloud',
      databaseName: 'app',
      expiresAt: '2026-12-05T00:00:00.000Z',
    });
  });

  it('a role: sends the inherited roles, and takes database_name', async () => {
    let sent: unknown;
    agent
      .get(BASE)
      .intercept({ path: `${DB}/branches/dev/roles`, method: 'POST', body: (b) => ((sent = JSON.parse(b)), true) })
      .reply(200, { id: 'r1', username: 'u2', password: 'pw', access_host_url: 'h.test', database_name: 'postgres' });
    const created = await createCredential(client(), ref, 'role', { ...spec, roles: ['postgres'], cidrs: [] });
    expect(sent).toEqual({ name: spec.name, ttl: 900, inherited_roles: ['postgres'] });
    expect(created).toMatchObject({ id: 'r1', databaseName: 'postgres', name: spec.name, expiresAt: null });
  });

  it('refuses an answer without a usable ID, and one without the secret (naming the ID, to delete it by)', async () => {
    agent
      .get(BASE)
      .intercept({ path: `${DB}/branches/dev/passwords`, method: 'POST' })
      .reply(201, { id: '../x', plain_text: 's' });
    await expect(createCredential(client(), ref, 'password', spec)).rejects.toThrow(/without a usable ID/);
    agent
      .get(BASE)
      .intercept({ path: `${DB}/branches/dev/passwords`, method: 'POST' })
      .reply(201, { id: 'pw2', username: 'u' });
    await expect(createCredential(client(), ref, 'password', spec)).rejects.toMatchObject({ tokenId: 'pw2' });
  });
});

describe('explainCredential', () => {
  const api = (status: number, message?: string) => new PlanetScaleApiError('POST', '/x', status, 'code', message);

  it('names the access the spec lists for the call, by kind', () => {
    expect(explainCredential(api(404), 'create', { ...ref, kind: 'role' })).toMatch(
      /^PlanetScale refused creating the role on branch "dev" of database "app" \(HTTP 404, code "code"\): .*lacks create_branch_password/,
    );
    expect(explainCredential(api(403), 'create', { ...ref, kind: 'password' })).toMatch(/lacks connect_branch \(connect_production_branch/);
    expect(explainCredential(api(404), 'delete', ref)).toMatch(/deleting the credential .*delete_branch_password/);
    expect(explainCredential(api(404), 'read the kind of', ref)).toMatch(
      /^PlanetScale refused reading database "app" .*any database access/,
    );
    expect(explainCredential(api(404), 'list the credentials of', ref)).toMatch(
      /listing the credentials of branch "dev" .*read_branch or connect_branch/,
    );
    expect(neededAccess('read the default role of', 'role')).toBe('read_branch or connect_branch');
    expect(neededAccess('read', undefined)).toBe('read_branch or connect_branch');
  });

  it('401, 422, 5xx, the network and anything else', () => {
    expect(explainCredential(api(401), 'create', ref)).toMatch(/rejected the minting token \(HTTP 401/);
    expect(explainCredential(api(422, 'Name taken'), 'create', ref)).toMatch(
      /as invalid \(HTTP 422, code "code"\)\. PlanetScale says: "Name taken"\./,
    );
    const failed = api(503);
    failed.attempts = 3;
    expect(explainCredential(failed, 'delete', ref)).toMatch(
      /^PlanetScale failed deleting .* \(HTTP 503, code "code", after 3 attempts\)\.$/,
    );
    expect(explainCredential(new PlanetScaleNetworkError('GET', 'https://api.test/x', 'ECONNRESET'), 'read', ref)).toMatch(
      /^Could not reach PlanetScale at https:\/\/api\.test\/x while reading the credential .*: ECONNRESET\.$/,
    );
    expect(explainCredential(new Error('boom'), 'read the default role of', ref)).toBe(
      'Failed reading the default role of branch "dev" of database "app": boom.',
    );
  });
});
