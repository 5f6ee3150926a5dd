import { describe, expect, it } from 'vitest';
import { deletedSummary, mintSummary, notDeletedSummary } from '../../src/report/summary.ts';

const granted = [
  { resource_type: 'Database', resource_name: 'app', accesses: ['create_branch', 'read_branch'] },
  { resource_type: 'Organization', resource_name: 'acme', accesses: ['read_databases'] },
];

describe('mintSummary', () => {
  it('is one table with token name, expiry, resource, type and accesses on every row', () => {
    const summary = mintSummary({
      name: 'gha-shop-1-1-ci-abc123',
      org: 'acme',
      expiresAt: '2026-08-01T12:15:00.000Z',
      granted,
      cleanup: true,
    });
    expect(summary).toBe(
      [
        '### PlanetScale service token (organization acme)',
        '',
        '| Token | Expires | Resource | Type | Accesses |',
        '| --- | --- | --- | --- | --- |',
        '| `gha-shop-1-1-ci-abc123` | 2026-08-01T12:15:00.000Z | app | Database | `create_branch`, `read_branch` |',
        '| `gha-shop-1-1-ci-abc123` | 2026-08-01T12:15:00.000Z | acme | Organization | `read_databases` |',
        '',
        "It is deleted by this action's post step when the job ends.",
        '',
      ].join('\n'),
    );
  });

  it('says when the token outlives the job, and keeps cells from breaking the table', () => {
    const summary = mintSummary({
      name: 'a|b',
      org: 'acme',
      expiresAt: 'x\ny',
      granted: [{ resource_type: 'Database', resource_name: 'd|b', accesses: ['read_branch'] }],
      cleanup: false,
    });
    expect(summary).toContain('| `a\\|b` | x y | d\\|b | Database | `read_branch` |');
    expect(summary).toContain('cleanup is false: it stays valid until it expires.');
  });
});

describe('deletedSummary', () => {
  it("is post's own line: deleted, or already gone", () => {
    expect(deletedSummary('t1', 'deleted')).toBe('Service token `t1` was deleted by the post step.\n');
    expect(deletedSummary('t1', 'already-gone')).toBe(
      'Service token `t1` was already gone when the post step came to delete it: none by its name is listed.\n',
    );
  });
});

describe('notDeletedSummary', () => {
  it('says whether the token could not be deleted or could not be confirmed gone, and until when it is valid', () => {
    expect(notDeletedSummary('t1', '2026-01-01T00:00:00Z')).toBe(
      "**Service token `t1` could not be deleted by the post step**: it stays valid until 2026-01-01T00:00:00Z. See the post step's log.\n",
    );
    expect(notDeletedSummary('t1', '2026-01-01T00:00:00Z', true)).toMatch(
      /^\*\*Service token `t1` could not be confirmed gone by the post step\*\*: it stays valid until 2026-01-01T00:00:00Z\./,
    );
  });
});
