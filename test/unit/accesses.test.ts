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

describe('an access name this release does not know', () => {
  it('near none of the catalogue: passed to PlanetScale, with a notice', () => {
    const notices: string[] = [];
    expect(accessProblem('read_query_insights', 'database', notices)).toBeUndefined();
    expect(notices).toEqual([
      expect.stringMatching(/^"read_query_insights" is not among the database-level accesses .* passed to PlanetScale, which decides/),
    ]);
  });

  it('a near miss of a known name is still a typo, and a near miss of a refused one is never passed on', () => {
    const notices: string[] = [];
    expect(accessProblem('read_brnch', 'database', notices)).toMatch(/did you mean "read_branch"\?/);
    expect(accessProblem('write_service_token', 'organization', notices)).toMatch(/is not a PlanetScale organization-level access/);
    expect(accessProblem('not an access', 'database', notices)).toMatch(/is not a PlanetScale database-level access/);
    expect(notices).toEqual([]);
  });
});
