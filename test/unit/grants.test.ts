import { describe, expect, it } from 'vitest';
import { checkGrants, groupGranted } from '../../src/token/grants.ts';
import type { AccessRequest } from '../../src/inputs/config.ts';

const asked: AccessRequest[] = [
  { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch'] },
  { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
];
const record = (access: string, resourceType: string, resourceName: string) => ({ access, resourceType, resourceName });

describe('checkGrants', () => {
  it('passes when everything asked is reported', () => {
    const granted = [
      record('read_branch', 'Database', 'app'),
      record('create_branch', 'Database', 'app'),
      record('read_databases', 'Organization', 'acme'),
    ];
    expect(checkGrants(asked, granted)).toEqual({ missing: [], unexpected: [] });
  });

  it('reports what is missing, per resource', () => {
    const granted = [record('read_branch', 'Database', 'app'), record('create_branch', 'Database', 'other')];
    expect(checkGrants(asked, granted)).toEqual({
      missing: [
        { resourceType: 'Database', resourceName: 'app', accesses: ['create_branch'] },
        { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
      ],
      unexpected: [record('create_branch', 'Database', 'other')],
    });
  });

  it('matches organization records by type alone (their name is unverified)', () => {
    const granted = [
      record('read_branch', 'Database', 'app'),
      record('create_branch', 'Database', 'app'),
      record('read_databases', 'organization', ''),
    ];
    expect(checkGrants(asked, granted).missing).toEqual([]);
  });
});

describe('groupGranted', () => {
  it('groups records per resource, without duplicates', () => {
    expect(
      groupGranted([
        record('read_branch', 'Database', 'app'),
        record('read_branch', 'Database', 'app'),
        record('read_databases', 'Organization', 'acme'),
        record('create_branch', 'Database', 'app'),
      ]),
    ).toEqual([
      { resource_type: 'Database', resource_name: 'app', accesses: ['read_branch', 'create_branch'] },
      { resource_type: 'Organization', resource_name: 'acme', accesses: ['read_databases'] },
    ]);
  });
});
