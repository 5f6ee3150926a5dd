// redact(): every known secret and token-shaped word is hidden whole, wherever they overlap, so
// that no pattern or shorter secret can cut one in two and leave its tail in plain sight.
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/planetscale/errors.ts';

describe('redact: overlapping secrets and patterns', () => {
  it('hides the whole of a secret with ".", "+" and "/" in it, echoed in an error body', () => {
    const id = 'k2x9ab';
    const secret = 'pscale_tkn_ab.r7Hq2+Lm9/Wv4c';
    const body = `invalid credential ${id}:${secret} for this call`;
    const safe = redact(body, [id, secret]);
    expect(safe).toBe('invalid credential ***:*** for this call');
    for (const part of ['r7Hq2', 'Lm9', 'Wv4c']) expect(safe).not.toContain(part);
  });

  it('hides a secret whole when a shorter secret lies inside it', () => {
    expect(redact('Bearer abc.def+ghi', ['abc', 'abc.def+ghi'])).toBe('Bearer ***');
  });

  it('still hides token-shaped text that is not a known secret', () => {
    expect(redact('leaked pscale_tkn_zzzzzzzz end')).toBe('leaked *** end');
  });
});

describe('redact: a short secret inside a token-shaped word', () => {
  it('does not break the pattern: the whole word is hidden', () => {
    expect(redact('x pscale_tkn_abcDEF y', ['bcD'])).toBe('x *** y');
  });
});
