import { describe, expect, it } from 'vitest';
import { MINTED_MARKER, mintedByEarlierUse, mintedMarker, stillOurs, valuesBefore } from '../../src/steps/env-handover.ts';

const pair = (id: string, source: 'input' | 'env' = 'env') => ({ kind: 'service-token' as const, id, token: 'pscale_tkn_x', source });

describe('mintedMarker', () => {
  it('is a fixed-length hex digest that differs per ID and does not contain it', () => {
    expect(mintedMarker('abc123def456')).toMatch(/^[0-9a-f]{32}$/);
    expect(mintedMarker('abc123def456')).toBe(mintedMarker('abc123def456'));
    expect(mintedMarker('abc123def456')).not.toBe(mintedMarker('abc123def457'));
    expect(mintedMarker('abc123def456')).not.toContain('abc123def456');
  });
});

describe('mintedByEarlierUse', () => {
  const env = { [MINTED_MARKER]: mintedMarker('minted1') };
  it('refuses the token the marker names, from env or inputs, saying where it came from', () => {
    expect(mintedByEarlierUse(pair('minted1'), env)).toMatch(/^The minting token \(env PLANETSCALE_SERVICE_TOKEN_ID/);
    expect(mintedByEarlierUse(pair('minted1', 'input'), env)).toMatch(/^The minting token \(minting-token-id \/ minting-token\)/);
  });
  it('lets any other credential through, and everything when there is no marker', () => {
    expect(mintedByEarlierUse(pair('mint0'), env)).toBeUndefined();
    expect(mintedByEarlierUse({ kind: 'api-token', token: 't', source: 'input' }, env)).toBeUndefined();
    expect(mintedByEarlierUse(pair('minted1'), {})).toBeUndefined();
  });
});

describe('valuesBefore / stillOurs', () => {
  it('records unset variables as ""', () => {
    expect(valuesBefore(['A', 'B'], { A: 'x' })).toEqual({ A: 'x', B: '' });
  });
  it('puts back only while env holds what this use exported', () => {
    const ours = { PLANETSCALE_SERVICE_TOKEN_ID: 'minted1', [MINTED_MARKER]: mintedMarker('minted1') };
    expect(stillOurs(ours, 'minted1')).toBe(true);
    expect(stillOurs({ ...ours, PLANETSCALE_SERVICE_TOKEN_ID: 'set-by-a-later-step' }, 'minted1')).toBe(false);
    expect(stillOurs(ours, '')).toBe(false);
  });
});
