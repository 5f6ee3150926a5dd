import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES, ORGANIZATION_ACCESSES, accessProblem, levelOf, nearestAccess } from '../../src/accesses.ts';

// The catalogue must be exactly API.md's "Permission names", read from the document itself.
const apiMd = readFileSync(new URL('../../../shared/planetscale/API.md', import.meta.url), 'utf8');
function namesAfter(heading: RegExp): string[] {
  const start = apiMd.search(heading);
  const paragraph = apiMd.slice(start).split(/\n\n/)[0]!;
  return paragraph.replace(heading, '').split(/[\s,.]+/).filter((w) => /^[a-z_]+$/.test(w) && w.includes('_'));
}

describe('accesses catalogue', () => {
  it('holds API.md\'s organization-level names, plus write_organization', () => {
    const documented = namesAfter(/Organization level \(15\):/);
    expect(documented).toHaveLength(15);
    expect([...ORGANIZATION_ACCESSES].sort()).toEqual([...documented, 'write_organization'].sort());
  });

  it('holds API.md\'s database-level names, plus the spec-only ones', () => {
    const documented = namesAfter(/Database level \(24\):/);
    expect(documented).toHaveLength(24);
    const specOnly = namesAfter(/Named only in the spec's per-endpoint access lists, level not documented \(treat as\s+database level, except `write_organization`, organization level\):/);
    expect(specOnly.length).toBeGreaterThanOrEqual(8);
    expect([...DATABASE_ACCESSES].sort()).toEqual([...documented, ...specOnly.filter((n) => n !== 'write_organization')].sort());
  });

  it('knows each name\'s level', () => {
    expect(levelOf('read_branch')).toBe('database');
    expect(levelOf('write_service_tokens')).toBe('organization');
    expect(levelOf('nope')).toBeUndefined();
    expect(accessProblem('read_branch', 'database')).toBeUndefined();
  });

  it('suggests near names only', () => {
    expect(nearestAccess('read_brnch', 'database')).toBe('read_branch');
    expect(nearestAccess('read_service_token', 'organization')).toBe('read_service_tokens');
    // Never a refused access (REFUSED_ACCESSES): a typo is not steered to a refusal.
    expect(nearestAccess('delete_service_token', 'organization')).not.toBe('delete_service_tokens');
    expect(nearestAccess('banana', 'database')).toBeUndefined();
  });
});
