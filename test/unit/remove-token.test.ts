// The second DELETE after a 404 while the token is still readable (remove-token.ts), against
// undici's MockAgent: it is tried only when its wait ends before the client's deadline.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { DELETE_AGAIN_AFTER_MS, removeToken } from '../../src/token/remove.ts';

const BASE = 'https://api.planetscale.test';
const TOKEN = '/v1/organizations/acme/service-tokens/tok1';
let agent: MockAgent;
const client = (deadline: number) =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
    deadline,
  });

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(BASE);
  pool.intercept({ path: TOKEN, method: 'DELETE' }).reply(404, { code: 'not_found', message: 'Not Found' });
  pool.intercept({ path: TOKEN, method: 'GET' }).reply(200, { id: 'tok1', name: 'gha-x' });
  pool.intercept({ path: TOKEN, method: 'DELETE' }).reply(204, '');
});
afterEach(() => agent.close());

describe('a DELETE answered 404 while the token can still be read', () => {
  it('is tried once more when the wait ends before the deadline', async () => {
    const result = await removeToken(client(Date.now() + DELETE_AGAIN_AFTER_MS + 10_000), 'acme', 'tok1', 'gha-x');
    expect(result).toEqual({ ok: true, outcome: 'deleted' });
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('is not waited for past the deadline: the message says there was no time to tell the two causes apart', async () => {
    // Date stands still, so the calls before the wait take none of the time left, however slow the
    // machine; the deadline falls just short of the wait's end, leaving each call all of it.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const result = await removeToken(client(Date.now() + DELETE_AGAIN_AFTER_MS - 1), 'acme', 'tok1', 'gha-x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unconfirmed).toBeFalsy();
    expect(result.reason).toMatch(/yet still shows it, and the time limit .* leaves no time to wait and try once more/);
    expect(result.reason).toMatch(/lag behind its writes or the minting token lacks delete_service_tokens is not known/);
    // The second DELETE was never sent.
    expect(agent.pendingInterceptors().map((i) => i.method)).toEqual(['DELETE']);
  });
});
