import { describe, expect, it } from 'vitest';
import { settleLimited } from '../../src/steps/main/concurrency.ts';

/** Tasks that each wait a turn of the event loop, counting how many run at once. */
function counted() {
  let running = 0;
  let max = 0;
  const task = async (n: number): Promise<number> => {
    running++;
    max = Math.max(max, running);
    await new Promise((resolve) => setTimeout(resolve, 1 + (n % 3)));
    running--;
    if (n % 7 === 0) throw new Error(`task ${n} failed`);
    return n * 2;
  };
  return { task, max: () => max };
}

describe('settleLimited', () => {
  it('never runs more than the limit at once, and uses all of it', async () => {
    const { task, max } = counted();
    const items = Array.from({ length: 40 }, (_, i) => i + 1);
    await settleLimited(items, 16, task);
    expect(max()).toBe(16);
  });

  it('settles every item in order, as Promise.allSettled does', async () => {
    const items = Array.from({ length: 20 }, (_, i) => i + 1);
    const limited = await settleLimited(items, 4, counted().task);
    const all = await Promise.allSettled(items.map(counted().task));
    expect(limited.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(
      all.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    );
    expect(limited.filter((r) => r.status === 'rejected')).toHaveLength(2);
  });

  it('handles no items and fewer items than the limit', async () => {
    expect(await settleLimited([], 16, counted().task)).toEqual([]);
    const { task, max } = counted();
    expect(await settleLimited([1, 2], 16, task)).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 4 },
    ]);
    expect(max()).toBe(2);
  });
});
