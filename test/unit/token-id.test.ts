import { describe, expect, it } from 'vitest';
import { isServiceTokenId } from '../../src/planetscale/token-id.ts';

describe('isServiceTokenId', () => {
  it('takes IDs shaped like the public examples, and a little more', () => {
    for (const id of ['hnmkbklsndgi', 'nsd3ev53p4ee', 'ABC123', 'a_b-c', 'x', 'x'.repeat(64)]) expect(isServiceTokenId(id), id).toBe(true);
  });
  it('refuses what is not a short run of letters and digits, above all what could steer a path', () => {
    for (const id of ['', '.', '..', '../x', 'a/b', 'a%2Fb', 'a?b', 'a#b', 'a b', 'a.b', 'x'.repeat(65), 'é', 'a\nb']) {
      expect(isServiceTokenId(id), JSON.stringify(id)).toBe(false);
    }
    for (const value of [undefined, null, 42, {}, ['abc']]) expect(isServiceTokenId(value)).toBe(false);
  });
});
