// A list longer than a lookup reads (service-tokens.ts MAX_LIST_PAGES), against undici's
// MockAgent: cut short and said so, never taken for the whole list; the calls it spends bounded.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { MAX_LIST_PAGES, findServiceTokensNamed } from '../../src/planetscale/service-tokens.ts';
import { removeTokensNamed } from '../../src/token/remove.ts';

const BASE = 'https://api.planetscale.test';
const LIST = '/v1/organizations/acme/service-tokens';
let agent: MockAgent;
let calls: number;
const client = () =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
  });

/** Pages of one token each, `pages` of them; the envelope's totals only when `totals`. */
function serve(path: string, pages: number, totals: boolean, item: (page: number) => unknown) {
  agent
    .get(BASE)
    .intercept({ path: (p) => p.startsWith(`${path}?`), method: 'GET' })
    .reply(200, (options) => {
      calls++;
      const page = Number(new URL(options.path, BASE).searchParams.get('page'));
      return {
        type: 'list',
        current_page: page,
        next_page: page < pages ? page + 1 : null,
        ...(totals ? { per_page: 1, total_count: pages, total_pages: pages } : {}),
        data: [item(page)],
      };
    })
    .persist();
}
const token = (page: number) => ({ id: `tok${page}`, name: page === 1 ? 'mine' : `other-${page}` });

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  calls = 0;
});
afterEach(() => agent.close());

describe('listing with a page cap', () => {
  it('reads a list of exactly MAX_LIST_PAGES pages whole', async () => {
    serve(LIST, MAX_LIST_PAGES, false, token);
    expect(await findServiceTokensNamed(client(), 'acme', 'other-50')).toEqual({ ids: ['tok50'] });
    expect(calls).toBe(MAX_LIST_PAGES);
  });

  it('cuts a longer list at MAX_LIST_PAGES pages when it gives no totals, and says so', async () => {
    serve(LIST, MAX_LIST_PAGES + 1, false, token);
    const found = await findServiceTokensNamed(client(), 'acme', 'other-51');
    expect(found.ids).toEqual([]);
    expect(found.cutShort).toBe(
      'PlanetScale lists more service tokens than the 5,000 a lookup reads (50 pages of 100, to spare the rate limit the minting token shares)',
    );
    expect(calls).toBe(MAX_LIST_PAGES);
  });

  it('stops after the first page when its totals show the list too long, naming the count', async () => {
    serve(LIST, 10_102, true, token);
    const found = await findServiceTokensNamed(client(), 'acme', 'mine');
    expect(found.ids).toEqual(['tok1']);
    expect(found.cutShort).toMatch(/^PlanetScale lists 10,102 service tokens, more than the 5,000/);
    expect(calls).toBe(1);
  });

  it('removeTokensNamed deletes what it found on the pages read, yet does not report the name confirmed gone', async () => {
    serve(LIST, 10_102, true, token);
    agent
      .get(BASE)
      .intercept({ path: `${LIST}/tok1`, method: 'DELETE' })
      .reply(204, '');
    const result = await removeTokensNamed(client(), 'acme', 'mine');
    expect(result).toMatchObject({ ok: false, unconfirmed: true });
    expect(result.ok ? '' : result.reason).toMatch(
      /^PlanetScale lists 10,102 .*; 1 named "mine" among those read was deleted, and another may be among the rest\.$/,
    );
    expect(agent.pendingInterceptors()).toEqual([]);
  });
});
