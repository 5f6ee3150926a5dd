// Retries: the pure decisions of retry.ts, and the client's loop against undici's MockAgent
// (attempts, Retry-After, never a 4xx, the per-request timeout, the deadline, cancellation).
// A call cut off in flight is tried against a real server that never answers: MockAgent (undici
// 6) holds a delayed reply's abort until the delay ends.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { explain } from '../../src/report/explain.ts';
import { MIN_CALL_MS, NOT_SENT, PlanetScaleClient, type ClientOptions } from '../../src/planetscale/client.ts';
import { stepDispatcher } from '../../src/planetscale/dispatcher.ts';
import { PlanetScaleApiError, PlanetScaleNetworkError } from '../../src/planetscale/errors.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRateLimited,
  isRetryable,
  mayHaveActed,
  parseRetryAfter,
  retryDeadline,
  retryDelayMs,
} from '../../src/planetscale/retry.ts';
import { createServiceToken } from '../../src/planetscale/service-tokens.ts';
import { isSweepable } from '../../src/token/sweep-names.ts';

const apiError = (status: number, retryAfterMs?: number) =>
  new PlanetScaleApiError('POST', '/v1/x', status, undefined, undefined, retryAfterMs);
const networkError = (code?: string, retryable = true) =>
  new PlanetScaleNetworkError('POST', 'https://x/v1/x', code ?? 'boom', { code, retryable });

describe('retry decisions', () => {
  it('retries network errors, 408, 429, 500, 502, 503, 504, and no other status', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isRetryable(apiError(status))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 501]) expect(isRetryable(apiError(status))).toBe(false);
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', undefined])
      expect(isRetryable(networkError(code))).toBe(true);
    expect(isRetryable(networkError(undefined, false))).toBe(false); // a refused redirect, a cancellation
    expect(isRetryable(new Error('x'))).toBe(false);
  });

  it('tells a call that may have been carried out from one that surely was not', () => {
    for (const status of [500, 502, 503, 504]) expect(mayHaveActed(apiError(status))).toBe(true);
    for (const status of [404, 408, 429]) expect(mayHaveActed(apiError(status))).toBe(false);
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET', undefined]) expect(mayHaveActed(networkError(code))).toBe(true);
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) expect(mayHaveActed(networkError(code))).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0); // in the past: at once
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('waits with full jitter, doubling and capped, or as Retry-After asks, capped', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect([1, 2, 3, 4, 5, 10].map((attempt) => retryDelayMs(attempt, policy, undefined, () => 1))).toEqual([
      250, 500, 1000, 2000, 4000, 4000,
    ]);
    expect(retryDelayMs(3, policy, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, undefined, () => 0.5)).toBe(500);
    // Retry-After, capped, then jitter on top so that clients told the same do not return at once.
    expect(retryDelayMs(1, policy, 2000, () => 0)).toBe(2000);
    expect(retryDelayMs(1, policy, 2000, () => 1)).toBe(2250);
    expect(retryDelayMs(1, policy, 3_600_000, () => 0)).toBe(policy.retryAfterCapMs);
  });

  it('gives a call answered nothing but 429 its rate-limited deadline, later or sooner, and any other call the usual one', () => {
    expect(isRateLimited(apiError(429))).toBe(true);
    for (const error of [apiError(503), apiError(408), networkError('ECONNRESET'), new Error('x')])
      expect(isRateLimited(error)).toBe(false);
    expect(retryDeadline(45_000, 300_000, true)).toBe(300_000);
    expect(retryDeadline(45_000, 300_000, false)).toBe(45_000);
    expect(retryDeadline(45_000, undefined, true)).toBe(45_000);
    expect(retryDeadline(45_000, 10_000, true)).toBe(10_000); // a create, which had better yield
    expect(retryDeadline(45_000, 10_000, false)).toBe(45_000);
  });
});

describe('isSweepable', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const token = (name: string | null, expiresAt: string | null) => ({ id: 'x', name, expiresAt });
  const defaults = { stem: 'gha-shop-', exact: false };
  it('takes this action’s names in this repository that expired over 5 minutes ago', () => {
    expect(isSweepable(token('gha-shop-123-1-build-abc123', '2026-11-22T09:50:00Z'), defaults, now)).toBe(true);
    expect(isSweepable(token('gha-shop-123-1-build-abc123', '2026-11-22T09:58:00Z'), defaults, now)).toBe(false); // within the margin
    expect(isSweepable(token('gha-shop-123-1-build-abc123', '2026-11-22T11:00:00Z'), defaults, now)).toBe(false);
    expect(isSweepable(token('gha-shop-123-1-build-abc123', null), defaults, now)).toBe(false); // never expires: not ours to judge
    expect(isSweepable(token('gha-shopping-1-1-x-abc123', '2026-11-22T09:00:00Z'), defaults, now)).toBe(false); // another repository
    expect(isSweepable(token('gha-shop-minting', '2026-11-22T09:00:00Z'), defaults, now)).toBe(false); // no suffix
    expect(isSweepable(token(null, '2026-11-22T09:00:00Z'), defaults, now)).toBe(false);
  });
  it('with a name input, takes that name plus a suffix only', () => {
    const exact = { stem: 'ci-migrate-', exact: true };
    expect(isSweepable(token('ci-migrate-abc123', '2026-11-22T09:00:00Z'), exact, now)).toBe(true);
    expect(isSweepable(token('ci-migrate-other-abc123', '2026-11-22T09:00:00Z'), exact, now)).toBe(false);
  });
});

const BASE = 'https://api.planetscale.test';
const PATH = '/v1/organizations/acme/service-tokens/t1';
let agent: MockAgent;
let logged: string[];
const fast = { attempts: 4, rateLimitedAttempts: 6, baseMs: 1, capMs: 5, retryAfterCapMs: 50 };
const client = (options: Partial<ClientOptions> = {}) =>
  new PlanetScaleClient({
    baseUrl: BASE,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher: agent,
    log: (line) => logged.push(line),
    retry: fast,
    ...options,
  });

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  logged = [];
});
afterEach(() => agent.close());

/** Options for a client over the step's real dispatcher to a server that takes calls and never answers. */
async function silentServer(): Promise<Pick<ClientOptions, 'baseUrl' | 'dispatcher'>> {
  const server: Server = createServer(() => {});
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dispatcher = stepDispatcher({}, baseUrl);
  onTestFinished(async () => {
    await dispatcher.destroy();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
  return { baseUrl, dispatcher };
}

/**
 * Runs `call` on a fake clock with every jittered wait at `random` of its range: each retry wait
 * ends at once and moves Date on by its length, so deadlines mean the same on a busy machine. The
 * clock moves only while the client waits to retry, never while an attempt is in flight: there the
 * next timer is the attempt's watchdog, and firing it would depend on how soon the answer came.
 */
async function onFakeClock<T>(random: number, call: () => Promise<T>): Promise<T> {
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const client = PlanetScaleClient.prototype as unknown as { pause: (this: unknown, ms: number) => Promise<boolean> };
  const { pause } = client;
  let waiting = 0;
  vi.spyOn(client, 'pause').mockImplementation(function (this: unknown, ms: number) {
    waiting++;
    return pause.call(this, ms).finally(() => waiting--);
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    let settled = false;
    const result = call().finally(() => (settled = true));
    while (!settled) {
      await new Promise((done) => setImmediate(done));
      if (waiting > 0) vi.advanceTimersToNextTimer();
    }
    return await result;
  } finally {
    vi.useRealTimers();
    vi.restoreAllMocks();
  }
}

describe('the client retrying', () => {
  it('retries a 503 and a reset, logging call, attempt, status or error and wait; never a credential', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: PATH, method: 'GET' }).reply(503, { code: 'unavailable' });
    pool.intercept({ path: PATH, method: 'GET' }).replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    pool.intercept({ path: PATH, method: 'GET' }).reply(200, { id: 't1' });
    const { body } = await client().send('GET', PATH);
    expect(body).toEqual({ id: 't1' });
    expect(logged).toEqual([
      expect.stringMatching(
        /^PlanetScale API GET \/v1\/organizations\/acme\/service-tokens\/t1: attempt 1 of 4 failed \(HTTP 503 \(unavailable\)\); retrying in 0\.0 s\.$/,
      ),
      expect.stringMatching(/^PlanetScale API GET .*: attempt 2 of 4 failed \(.*ECONNRESET\); retrying in/),
    ]);
    expect(logged.join()).not.toMatch(/mintid|pscale_tkn/);
  });

  it('honours Retry-After on 429, capped', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: PATH, method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '3600' } });
    pool.intercept({ path: PATH, method: 'GET' }).reply(200, {});
    const started = performance.now();
    await client().send('GET', PATH);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(logged).toEqual([
      expect.stringMatching(/attempt 1 of 6 failed \(HTTP 429\); retrying in 0\.1 s \(Retry-After: 3600\.0 s, capped at 0\.1 s\)\.$/),
    ]);
  });

  it('gives a 429 more attempts than other failures', async () => {
    agent.get(BASE).intercept({ path: PATH, method: 'GET' }).reply(429, {}).times(6);
    await expect(client().send('GET', PATH)).rejects.toMatchObject({ status: 429, attempts: 6 });
    expect(logged).toHaveLength(5);
  });

  it('retries a call answered only 429 past the deadline until the rate-limited deadline, saying so once', async () => {
    const pool = agent.get(BASE);
    pool
      .intercept({ path: PATH, method: 'DELETE' })
      .reply(429, {}, { headers: { 'retry-after': '0' } })
      .times(4); // 1 for the first client, 3 for the second
    pool.intercept({ path: PATH, method: 'DELETE' }).reply(204, '');
    // Each wait 30 s on the fake clock; the usual deadline 10 s: real time enough for any attempt
    // (a request's own time limit is real), yet the first wait would already reach past it.
    const rateLimited = { ...fast, rateLimitedAttempts: Infinity, baseMs: 60_000, capMs: 60_000 };
    const status = await onFakeClock(0.5, async () => {
      await expect(client({ deadline: Date.now() + 10_000, retry: rateLimited }).send('DELETE', PATH)).rejects.toMatchObject({
        status: 429,
        attempts: 1,
      });
      logged = [];
      // Deadlines computed here, where they are used: the first call took its time.
      const deadlines = { deadline: Date.now() + 10_000, rateLimitedDeadline: Date.now() + 600_000 };
      return (await client({ ...deadlines, retry: rateLimited }).send('DELETE', PATH)).status;
    });
    expect(status).toBe(204);
    expect(logged.filter((line) => /attempt \d+ failed \(HTTP 429\)/.test(line))).toHaveLength(3);
    expect(
      logged.filter((line) =>
        /rate-limited \(HTTP 429\) on every attempt, past the usual time limit; trying on for at most \d+\.\d s more/.test(line),
      ),
    ).toHaveLength(1);
  });

  it('keeps the usual deadline once a call failed otherwise than with a 429', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: PATH, method: 'DELETE' }).reply(503, '');
    pool.intercept({ path: PATH, method: 'DELETE' }).reply(429, {}).persist();
    // Every wait 5 s on the fake clock: attempts at 0, 5, …, 25 s, and none at 30 (the usual
    // deadline); held to the rate-limited one, it would try on to an hour.
    const error = await onFakeClock(1, () =>
      client({
        deadline: Date.now() + 30_000,
        rateLimitedDeadline: Date.now() + 3_600_000,
        retry: { ...fast, rateLimitedAttempts: Infinity, baseMs: 5_000, capMs: 5_000 },
      })
        .send('DELETE', PATH)
        .catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ status: 429, attempts: 6 });
  });

  it('never retries another 4xx', async () => {
    agent.get(BASE).intercept({ path: PATH, method: 'GET' }).reply(404, { code: 'not_found' });
    await expect(client().send('GET', PATH)).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(logged).toEqual([]);
  });

  it('gives up after the attempts, and says so', async () => {
    agent.get(BASE).intercept({ path: PATH, method: 'DELETE' }).reply(502, '').times(4);
    const error = await client()
      .send('DELETE', PATH)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, attempts: 4 });
    expect(explain(error, { kind: 'delete', org: 'acme', tokenName: 'ci-x' })).toBe(
      'PlanetScale failed deleting service token "ci-x" (HTTP 502, after 4 attempts).',
    );
  });

  it('calls beforeRetry with the failure before each retry, and stops when it throws', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: PATH, method: 'POST' }).reply(500, '').times(2);
    pool.intercept({ path: PATH, method: 'POST' }).reply(200, { ok: true });
    const seen: number[] = [];
    await client().send('POST', PATH, {}, { beforeRetry: (e) => Promise.resolve(void seen.push((e as PlanetScaleApiError).status)) });
    expect(seen).toEqual([500, 500]);
    pool.intercept({ path: PATH, method: 'POST' }).reply(500, '');
    await expect(client().send('POST', PATH, {}, { beforeRetry: () => Promise.reject(new Error('stop')) })).rejects.toThrow('stop');
  });

  it('times out a request that gets no answer, and retries it', async () => {
    const pool = agent.get(BASE);
    // The first answer comes long after the time limit, the second at once: a limit of a second
    // leaves a busy machine room to deliver it.
    pool.intercept({ path: PATH, method: 'GET' }).reply(200, {}).delay(20_000);
    pool.intercept({ path: PATH, method: 'GET' }).reply(200, { second: true });
    const { body } = await client({ timeoutMs: 1_000 }).send('GET', PATH);
    expect(body).toEqual({ second: true });
    expect(logged).toEqual([expect.stringMatching(/attempt 1 of 4 failed \(timed out\)/)]);
  });

  // Counts attempts rather than timing the call: a loaded machine only makes each attempt slower,
  // hence fewer, while a deadline ignored would run all 50 (the test's timeout leaves room for that).
  it('stops at the deadline with the last error, even with attempts left', { timeout: 20_000 }, async () => {
    const silent = await silentServer();
    const error = await client({ ...silent, timeoutMs: 100, deadline: Date.now() + 250, retry: { ...fast, attempts: 50 } })
      .send('GET', PATH)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect((error as PlanetScaleNetworkError).reason).toBe('timed out');
    // Two whole attempts and one cut at the deadline; one more for a clock that rounds the other way.
    expect((error as PlanetScaleNetworkError).attempts).toBeGreaterThanOrEqual(1);
    expect((error as PlanetScaleNetworkError).attempts).toBeLessThanOrEqual(4);
  });

  it("gives up with the call's own failure when a late timer leaves its retry no time", async () => {
    agent.get(BASE).intercept({ path: PATH, method: 'GET' }).reply(503, { code: 'unavailable' }).persist();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const sending = client({ deadline: Date.now() + 1000 })
        .send('GET', PATH)
        .catch((e: unknown) => e);
      while (logged.length === 0) await new Promise((done) => setImmediate(done)); // now waiting to retry
      vi.setSystemTime(Date.now() + 5000); // a busy runner: the wait's timer fires past the deadline
      vi.runAllTimers();
      expect(await sending).toMatchObject({ status: 503, code: 'unavailable', attempts: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not start a create that could not be waited for (less than MIN_CALL_MS left), and says it was never sent', async () => {
    const CREATE_PATH = '/v1/organizations/acme/service-tokens';
    agent.get(BASE).intercept({ path: CREATE_PATH, method: 'POST' }).reply(200, { id: 't1', token: 'pscale_tkn_x' });
    const error = await createServiceToken(client({ deadline: Date.now() + MIN_CALL_MS - 500 }), 'acme', {
      name: 'ci-x',
      ttlSeconds: 900,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'the time limit for talking to PlanetScale ran out', code: NOT_SENT, retryable: false });
    // Never sent, so a create refused this way cannot have made a token.
    expect(mayHaveActed(error)).toBe(false);
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('says a call cancelled before it was sent was never sent', async () => {
    agent.get(BASE).intercept({ path: PATH, method: 'POST' }).reply(200, {});
    const cancel = new AbortController();
    cancel.abort('SIGINT');
    const error = await client({ signal: cancel.signal })
      .send('POST', PATH, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'cancelled', code: NOT_SENT });
    expect(mayHaveActed(error)).toBe(false);
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  // Uncancelled, the call would run to a timeout and the wait to a Retry-After of a minute: the
  // bounds leave a loaded machine plenty of room yet fail long before either.
  it('stops at once when cancelled, in flight or waiting', { timeout: 20_000 }, async () => {
    const silent = await silentServer();
    const cancel = new AbortController();
    setTimeout(() => cancel.abort('SIGINT'), 50);
    const started = performance.now();
    const error = await client({ ...silent, timeoutMs: 60_000, signal: cancel.signal })
      .send('GET', PATH)
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({ reason: 'cancelled', retryable: false, attempts: 1 });

    // Retry-After, not jitter, sets the wait, so a retry can never come before the cancellation.
    agent
      .get(BASE)
      .intercept({ path: PATH, method: 'GET' })
      .reply(503, '', { headers: { 'retry-after': '60' } });
    const waiting = new AbortController();
    // Cancelled once the client says it waits to retry, not after a fixed time: the answer may be slow to come.
    logged = [];
    const slowRetry = client({
      signal: waiting.signal,
      retry: { ...fast, retryAfterCapMs: 60_000 },
      log: (line) => {
        logged.push(line);
        setImmediate(() => waiting.abort('SIGTERM')); // as a signal comes: from the event loop
      },
    });
    const t0 = performance.now();
    await expect(slowRetry.send('GET', PATH)).rejects.toMatchObject({ status: 503 });
    expect(logged).toEqual([expect.stringMatching(/attempt 1 of 4 failed \(HTTP 503\); retrying in 60\.0 s/)]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
