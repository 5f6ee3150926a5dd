// test/load-arrivals.ts: the arithmetic behind `npm run load`.
import { describe, expect, it } from 'vitest';
import { jobsPerMinute, percentile, poissonArrivals } from '../load-arrivals.ts';

/** A repeatable stream of numbers in [0, 1) (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('jobsPerMinute', () => {
  it('divides the credential rate by the calls a job makes (create, N grants, organization grant, delete)', () => {
    expect(jobsPerMinute(600, 1 + 3)).toBe(150);
    expect(jobsPerMinute(600, 16 + 3)).toBeCloseTo(31.58, 2);
  });
});

describe('poissonArrivals', () => {
  it('keeps every arrival inside the window, in order', () => {
    const arrivals = poissonArrivals(300, 60_000, seeded(1));
    expect(arrivals.length).toBeGreaterThan(0);
    expect(arrivals.every((at, i) => at >= 0 && at < 60_000 && (i === 0 || at >= arrivals[i - 1]!))).toBe(true);
  });

  it('arrives at the asked rate on average, with exponential gaps', () => {
    const arrivals = poissonArrivals(600, 600_000, seeded(7)); // 6000 expected
    expect(arrivals.length).toBeGreaterThan(5_700);
    expect(arrivals.length).toBeLessThan(6_300);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    // Exponential: about 1 - 1/e of the gaps are shorter than the mean (100 ms); even spacing would give 0 or 1.
    const short = gaps.filter((gap) => gap < 100).length / gaps.length;
    expect(short).toBeGreaterThan(0.6);
    expect(short).toBeLessThan(0.66);
  });

  it('uses the random source it is given', () => {
    expect(poissonArrivals(60, 10_000, () => 1 - Math.exp(-1))).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
  });

  it('refuses a rate or window of 0', () => {
    expect(() => poissonArrivals(0, 1000)).toThrow(/above 0/);
    expect(() => poissonArrivals(10, 0)).toThrow(/above 0/);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});
