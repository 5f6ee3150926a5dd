import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES, ORGANIZATION_ACCESSES, accessProblem, levelOf, nearestAccess } from '../../src/inputs/accesses.ts';

// The catalogue must be exactly PlanetScale's documented access names, vendored with their source
// URL in test/fixtures/planetscale/accesses.json.
const catalogue = JSON.parse(readFileSync(new URL('../fixtures/planetscale/accesses.json', import.meta.url), 'utf8')) as {
  source: string;
  organization: string[];
  database: string[];
  specOnly: string[];
};

describe('accesses catalogue', () => {
  it('holds the documented organization-level names, plus write_organization', () => {
    const documented = catalogue.organization;
    expect(documented).toHaveLength(15);
    expect([...ORGANIZATION_ACCESSES].sort()).toEqual([...documented, 'write_organization'].sort());
  });

  it('holds the documented database-level names, plus the spec-only ones', () => {
    const documented = catalogue.database;
    expect(documented).toHaveLength(24);
    const specOnly = catalogue.specOnly;
    expect(specOnly.length).toBeGreaterThanOrEqual(8);
    expect([...DATABASE_ACCESSES].sort()).toEqual([...documented, ...specOnly.filter((n) => n !== 'write_organization')].sort());
  });

  it("knows each name's level", () => {
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
