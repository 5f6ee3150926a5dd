// Deleting a database credential (credentials/remove.ts) against undici's MockAgent: "gone" only
// when seen gone, a role never dropped without a successor, and a lookup by name when the ID was
// never learnt.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/planetscale/retry.ts';
import { removeCredential, type CredentialTarget } from '../../src/credentials/remove.ts';

const BASE = 'https://api.planetscale.test';
const BRANCH = '/v1/organizations/acme/databases/app/branches/pr-1';
const NAME = 'gha-x-abc123';
let agent: MockAgent;
const client = () =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
    deadline: Date.now() + 60_000,
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 },
  });
const password: CredentialTarget = { org: 'acme', database: 'app', branch: 'pr-1', kind: 'password', name: NAME };
const role: CredentialTarget = { ...password, kind: 'role' };
const list = (...items: { id: string; name: string }[]) => ({ type: 'list', current_page: 1, next_page: null, data: items });
const pool = () => agent.get(BASE);

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(() => agent.close());

describe('removeCredential', () => {
  it('deletes by ID, then confirms by name', async () => {
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'DELETE' })
      .reply(204, '');
    pool()
      .intercept({ path: `${BRANCH}/passwords?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(200, list());
    expect(await removeCredential(client(), password, 'pw1')).toEqual({ ok: true, outcome: 'deleted', removed: 1 });
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('a 404 to deleting and reading is "already gone" only when the name lists nothing', async () => {
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'DELETE' })
      .reply(404, { code: 'not_found' });
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'GET' })
      .reply(404, { code: 'not_found' });
    pool()
      .intercept({ path: `${BRANCH}/passwords?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(200, list({ id: 'other', name: `${NAME}-not-ours` }));
    expect(await removeCredential(client(), password, 'pw1')).toEqual({ ok: true, outcome: 'already-gone', removed: 0 });
  });

  it('a 404 to deleting while the ID still reads: the minting token lacks delete_branch_password', async () => {
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'DELETE' })
      .reply(404, { code: 'not_found' });
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'GET' })
      .reply(200, { id: 'pw1', name: NAME });
    const result = await removeCredential(client(), password, 'pw1');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/yet still shows it: the minting token lacks delete_branch_password/);
  });

  it('with no ID (an answer lost), finds ours by name and deletes it', async () => {
    pool()
      .intercept({ path: `${BRANCH}/passwords?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(200, list({ id: 'pw9', name: NAME }));
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw9`, method: 'DELETE' })
      .reply(204, '');
    expect(await removeCredential(client(), password, undefined)).toEqual({ ok: true, outcome: 'deleted', removed: 1 });
  });

  it('a list that cannot be read leaves it unconfirmed, never "gone"', async () => {
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'DELETE' })
      .reply(404, { code: 'not_found' });
    pool()
      .intercept({ path: `${BRANCH}/passwords/pw1`, method: 'GET' })
      .reply(404, { code: 'not_found' });
    pool()
      .intercept({ path: `${BRANCH}/passwords?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(403, { code: 'forbidden' });
    expect(await removeCredential(client(), password, 'pw1')).toMatchObject({ ok: false, unconfirmed: true });
  });

  it('a role is handed to the default role before it is dropped', async () => {
    pool()
      .intercept({ path: `${BRANCH}/roles/default`, method: 'GET' })
      .reply(200, { id: 'def1', password: null });
    pool()
      .intercept({ path: `${BRANCH}/roles/r1?successor=def1`, method: 'DELETE' })
      .reply(204, '');
    pool()
      .intercept({ path: `${BRANCH}/roles?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(200, list());
    expect(await removeCredential(client(), role, 'r1')).toEqual({ ok: true, outcome: 'deleted', removed: 1 });
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('uses the successor main recorded, with no read of the default role', async () => {
    pool()
      .intercept({ path: `${BRANCH}/roles/r1?successor=def7`, method: 'DELETE' })
      .reply(204, '');
    pool()
      .intercept({ path: `${BRANCH}/roles?q=${NAME}&per_page=100`, method: 'GET' })
      .reply(200, list());
    expect(await removeCredential(client(), { ...role, successor: 'def7' }, 'r1')).toMatchObject({ ok: true });
  });

  it('never drops a role when no successor can be read: what it owns would go with it', async () => {
    pool()
      .intercept({ path: `${BRANCH}/roles/default`, method: 'GET' })
      .reply(404, { code: 'not_found' });
    const result = await removeCredential(client(), role, 'r1');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/default role, which must take over what role "gha-x-abc123" owns .* Nothing was deleted/);
    // No DELETE was set up: MockAgent with net connect disabled would have failed the call loudly.
  });
});
