import { describe, expect, it } from 'vitest';
import {
  MINTED_MARKER,
  exportedByEarlierUse,
  mintedByEarlierUse,
  mintedMarker,
  stillOurs,
  valuesBefore,
} from '../../src/steps/env-handover.ts';
import { envForLaterSteps } from '../../src/steps/main/hand-over.ts';
import { DEFAULT_API_URL, parseInputs } from '../../src/inputs/config.ts';
import { formatInputError } from '../../src/inputs/parsed.ts';
import { UNKNOWN_RUN } from '../../src/runner/run-context.ts';

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

describe('exportedByEarlierUse', () => {
  it('is true only while the marker is that of the token ID env holds', () => {
    const exported = { PLANETSCALE_SERVICE_TOKEN_ID: 'minted1', [MINTED_MARKER]: mintedMarker('minted1') };
    expect(exportedByEarlierUse(exported)).toBe(true);
    expect(exportedByEarlierUse({ ...exported, PLANETSCALE_SERVICE_TOKEN_ID: 'mine' })).toBe(false);
    expect(exportedByEarlierUse({ PLANETSCALE_SERVICE_TOKEN_ID: 'minted1' })).toBe(false);
    expect(exportedByEarlierUse({ [MINTED_MARKER]: mintedMarker('') })).toBe(false);
  });
});

describe('what one use exports, as the next use in the job reads it', () => {
  // A first use with org and api-url from its inputs: everything it exports is in env for the next.
  const token = { id: 'minted1', token: 'pscale_tkn_minted' };
  const exported = {
    ...envForLaterSteps({ org: 'acme', apiUrl: 'https://ps.internal.example' }, token),
    [MINTED_MARKER]: mintedMarker(token.id),
  };
  const given = { 'minting-token-id': 'mint0', 'minting-token': 'pscale_tkn_mint', database: 'app', accesses: 'read_branch' };
  const parse = (inputs: Record<string, string>) =>
    parseInputs((name) => inputs[name] ?? '', exported, UNKNOWN_RUN, { envFromEarlierUse: exportedByEarlierUse(exported) });

  it('is these variables, each handled below: a new one needs a look here', () => {
    expect(Object.keys(exported).sort()).toEqual([
      'PLANETSCALE_API_URL',
      'PLANETSCALE_ORG',
      'PLANETSCALE_SERVICE_TOKEN',
      'PLANETSCALE_SERVICE_TOKEN_ID',
      MINTED_MARKER,
    ]);
    expect(exportedByEarlierUse(exported)).toBe(true);
  });

  it('PLANETSCALE_ORG is not taken for an empty org', () => {
    const parsed = parse(given);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map(formatInputError)).toEqual([
        expect.stringMatching(/^Input "org": is empty, and env PLANETSCALE_ORG \("acme"\) is what an earlier use/),
      ]);
  });

  it('PLANETSCALE_API_URL is never read: the api-url input (or its default) is', () => {
    const parsed = parse({ ...given, org: 'acme' });
    expect(parsed.ok && parsed.value.apiUrl).toBe(DEFAULT_API_URL);
  });

  it('PLANETSCALE_SERVICE_TOKEN(_ID) taken for empty minting inputs is the minted token, which the marker refuses', () => {
    const fromEnv = parse({ org: 'acme', database: 'app', accesses: 'read_branch' });
    expect(fromEnv.ok).toBe(true);
    if (fromEnv.ok) {
      expect(fromEnv.value.credential).toMatchObject({ kind: 'service-token', id: 'minted1', source: 'env' });
      expect(mintedByEarlierUse(fromEnv.value.credential, exported)).toMatch(/^The minting token \(env PLANETSCALE_SERVICE_TOKEN_ID/);
    }
    const fromInputs = parse({ ...given, org: 'acme' });
    expect(fromInputs.ok && mintedByEarlierUse(fromInputs.value.credential, exported)).toBeUndefined();
  });
});
