import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chosenSeed } from '../setup/fast-check-seed.ts';

describe("property tests' seed", () => {
  it('is FC_SEED when given, a fixed one in CI, and random otherwise', () => {
    expect(chosenSeed({ FC_SEED: '-42', CI: 'true' })).toBe(-42);
    expect(chosenSeed({ CI: 'true' })).toBe(16_016);
    expect(chosenSeed({})).toBeUndefined();
    expect(() => chosenSeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer, got "abc"/);
  });

  it('is printed in a failure, so the run can be replayed', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.integer(), (n) => n < 0),
        { seed: 7 },
      ),
    ).toThrow(/seed: 7\b/);
  });
});
