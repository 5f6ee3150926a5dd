// The client's backstop: a dispatcher that heeds neither the time limit nor the cancellation (as
// undici's ProxyAgent once did behind a proxy that drops tunnels) is destroyed, and the call fails.
import { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanetScaleClient, WATCHDOG_GRACE_MS } from '../../src/planetscale/client.ts';
import { PlanetScaleNetworkError } from '../../src/planetscale/errors.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/planetscale/retry.ts';

/** Takes every request and never answers, connects nor fails it, whatever its signal says. */
class Deaf extends Dispatcher {
  destroyed = 0;
  override dispatch(): boolean {
    return true;
  }
  override destroy(): Promise<void> {
    this.destroyed++;
    return Promise.resolve();
  }
  override close(): Promise<void> {
    return Promise.resolve();
  }
}

const TIMEOUT_MS = 5_000;
const clientOver = (dispatcher: Dispatcher, signal?: AbortSignal) =>
  new PlanetScaleClient({
    baseUrl: 'https://api.planetscale.test',
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    dispatcher,
    timeoutMs: TIMEOUT_MS,
    signal,
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1 },
  });

beforeEach(() => {
  // Only the watchdog's timers: the request's own AbortSignal.timeout stays on the real clock,
  // which the deaf dispatcher ignores anyway.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the watchdog', () => {
  it('destroys a dispatcher that outlives the time limit, and the call fails', async () => {
    const deaf = new Deaf();
    const call = clientOver(deaf).send('GET', '/v1/organizations/acme/service-tokens');
    const settled = vi.fn();
    call.then(settled, settled);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + WATCHDOG_GRACE_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    expect(deaf.destroyed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).rejects.toBeInstanceOf(PlanetScaleNetworkError);
    await expect(call).rejects.toMatchObject({ code: 'EWATCHDOG', retryable: false });
    expect(deaf.destroyed).toBe(1);
  });

  it('after a cancellation, waits only the grace, not the rest of the time limit', async () => {
    const deaf = new Deaf();
    const cancel = new AbortController();
    const call = clientOver(deaf, cancel.signal).send('DELETE', '/v1/organizations/acme/service-tokens/abc');
    call.catch(() => {});
    await vi.advanceTimersByTimeAsync(100);
    cancel.abort('SIGTERM');
    await vi.advanceTimersByTimeAsync(WATCHDOG_GRACE_MS);
    await expect(call).rejects.toMatchObject({ code: 'EWATCHDOG' });
    expect(deaf.destroyed).toBe(1);
  });

  it('leaves a dispatcher that answers alone', async () => {
    const { MockAgent } = await import('undici');
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://api.planetscale.test').intercept({ path: '/v1/x', method: 'GET' }).reply(200, { ok: true });
    const destroy = vi.spyOn(agent, 'destroy');
    await expect(clientOver(agent).send('GET', '/v1/x')).resolves.toMatchObject({ status: 200 });
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS * 2);
    expect(destroy).not.toHaveBeenCalled();
    await agent.close();
  });
});
