// Tests of the fake's fault injection itself (fake-planetscale/faults.ts): scripted faults are
// consumed in order and only by matching requests, a drop after acting still acts, and the rate
// limit answers 429 with Retry-After until its clock (which the test moves) refills the bucket.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from './fake-planetscale/index.ts';

let fake: FakePlanetScale;
let auth: string;

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  const token = fake.addServiceToken('acme', { organization: ['read_service_tokens', 'write_service_tokens'] });
  auth = `${token.id}:${token.token}`;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.faults.clear();
  fake.clearRequests();
});

const list = () => fetch(`${fake.url}/v1/organizations/acme/service-tokens`, { headers: { Authorization: auth } });
const create = () =>
  fetch(`${fake.url}/v1/organizations/acme/service-tokens`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: '{"name":"x"}',
  });

describe('fault injection', () => {
  it('consumes scripted faults in order, for matching requests only', async () => {
    fake.faults.script(
      { method: 'GET', path: '/v1/organizations/acme/service-tokens' },
      { kind: 'status', status: 503, headers: { 'retry-after': '2' } },
      { kind: 'status', status: 500 },
    );
    expect((await create()).status).toBe(200); // POST does not match
    const first = await list();
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2']);
    expect((await first.json()) as unknown).toEqual({ code: 'injected_fault', message: 'Injected HTTP 503' });
    expect((await list()).status).toBe(500);
    expect((await list()).status).toBe(200);
    expect(fake.faults.stats.injected).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 503, 500, 200]);
  });

  it('drops the connection before or after acting', async () => {
    fake.faults.script({ method: 'POST', path: /service-tokens$/ }, { kind: 'drop-before' }, { kind: 'drop-after' });
    const before = fake.mintedTokens().length;
    await expect(create()).rejects.toThrow();
    expect(fake.mintedTokens()).toHaveLength(before);
    await expect(create()).rejects.toThrow();
    expect(fake.mintedTokens()).toHaveLength(before + 1);
  });

  it('acts, then answers with the body altered', async () => {
    const before = fake.tokens('acme').length;
    fake.faults.script(
      { method: 'POST', path: /service-tokens$/ },
      { kind: 'altered-answer', alter: (body) => ({ ...(body as object), id: '../x' }) },
    );
    const reply = await create();
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as { id: string }).id).toBe('../x');
    // Acted on: the token exists, under its real ID.
    expect(fake.tokens('acme')).toHaveLength(before + 1);
    expect(fake.tokens('acme').map((t) => t.id)).not.toContain('../x');
  });

  it('delays, then acts', async () => {
    fake.faults.always({ path: /^\// }, { kind: 'delay', delayMs: 200 });
    const started = performance.now();
    expect((await list()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rate-limits per credential with 429 and Retry-After, refilling as its clock moves', async () => {
    fake.faults.rateLimit({ perMinute: 60, burst: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await list()).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await list();
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect(fake.faults.stats.rateLimited).toBeGreaterThanOrEqual(2);
    fake.faults.advance(1000); // one request a second
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(429);
  });

  it('counts refused requests against the budget only when asked to', async () => {
    fake.faults.rateLimit({ perMinute: 60, burst: 1, countRefused: true });
    expect((await list()).status).toBe(200);
    const refused = await list();
    // Its own refusal is counted: two seconds until a whole request's worth is back.
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '2']);
    const again = await list(); // one more refused request, one more second of debt
    expect([again.status, again.headers.get('retry-after')]).toEqual([429, '3']);
    fake.faults.advance(1000); // one second refills what the last refusal took, not more
    expect((await list()).status).toBe(429);
  });
});
