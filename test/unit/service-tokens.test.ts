// An API-supplied expires_at is taken only when it is an ISO 8601 date-time; anything else is
// dropped (null), so main computes the expiry from the TTL instead of handing text on.
import { describe, expect, it } from 'vitest';
import { apiDateTime } from '../../src/planetscale/service-tokens.ts';

describe('apiDateTime', () => {
  it('takes an ISO 8601 date-time, as UTC', () => {
    expect(apiDateTime('2026-11-22T09:00:00.000Z')).toBe('2026-11-22T09:00:00.000Z');
    expect(apiDateTime('2026-11-22T10:00:00+01:00')).toBe('2026-11-22T09:00:00.000Z');
  });

  it.each([
    ['text', 'soon'],
    ['a bare number Date.parse would read as a year', '1'],
    ['a date with no time', '2026-11-22'],
    ['an impossible date', '2026-13-45T99:00:00Z'],
    ['a date followed by a workflow command', '2026-11-22T09:00:00Z\n::add-path::/tmp/evil'],
    ['not a string', 1764000000],
    ['null', null],
  ])('drops %s', (_, value) => {
    expect(apiDateTime(value)).toBeNull();
  });
});
