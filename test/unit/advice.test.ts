// adviceWithin: an advice-only read is waited for at most as long again as the calls it runs beside took.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adviceWithin } from '../../src/steps/main/advice.ts';

const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(resolve, ms, value));
const failAfter = (ms: number): Promise<never> => new Promise((_, reject) => setTimeout(reject, ms, new Error('404')));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** When `promise` settles, in fake ms from now, and to what. */
async function settle<T>(promise: Promise<T>): Promise<{ at: number; value: T }> {
  const start = Date.now();
  let done: { at: number; value: T } | undefined;
  void promise.then((value) => (done = { at: Date.now() - start, value }));
  while (!done) await vi.advanceTimersByTimeAsync(1);
  return done;
}

describe('adviceWithin', () => {
  it('gives the advice as soon as it is in, before the work is done', async () => {
    expect(await settle(adviceWithin(after(30, ['held']), after(100, 'granted')))).toEqual({ at: 30, value: ['held'] });
  });

  it('waits past the work for at most as long again as the work took', async () => {
    expect(await settle(adviceWithin(after(150, ['held']), after(100, 'granted')))).toEqual({ at: 150, value: ['held'] });
    expect(await settle(adviceWithin(after(250, ['held']), after(100, 'granted')))).toEqual({ at: 200, value: undefined });
  });

  it('counts a failed work as done, and a failed read as no advice', async () => {
    expect(await settle(adviceWithin(after(500, ['held']), failAfter(40)))).toEqual({ at: 80, value: undefined });
    expect(await settle(adviceWithin(failAfter(10), after(100, 'granted')))).toEqual({ at: 10, value: undefined });
  });

  it('leaves no timer behind once it has an answer', async () => {
    await settle(adviceWithin(after(150, ['held']), after(100, 'granted')));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts no timer when the advice came first: a pending timer would hold the step open', async () => {
    const work = after(100, 'granted');
    await settle(adviceWithin(after(30, ['held']), work));
    await vi.advanceTimersByTimeAsync(70);
    await work;
    expect(vi.getTimerCount()).toBe(0);
  });
});
