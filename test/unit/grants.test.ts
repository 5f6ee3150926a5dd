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
    expect(checkGrants(asked, granted, 'acme')).toEqual({ missing: [], unexpected: [], foreign: [] });
  });

  it('reports what is missing, per resource', () => {
    const granted = [record('read_branch', 'Database', 'app'), record('create_branch', 'Database', 'other')];
    expect(checkGrants(asked, granted, 'acme')).toEqual({
      foreign: [],
      missing: [
        { resourceType: 'Database', resourceName: 'app', accesses: ['create_branch'] },
        { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
      ],
      unexpected: [record('create_branch', 'Database', 'other')],
    });
  });

  it('matches organization records by type and by the organization they name, in any case', () => {
    const granted = [
      record('read_branch', 'Database', 'app'),
      record('create_branch', 'Database', 'app'),
      record('read_databases', 'organization', 'ACME'),
    ];
    expect(checkGrants(asked, granted, 'acme')).toEqual({ missing: [], unexpected: [], foreign: [] });
  });

  it('reports organization records that name another organization, even for an access asked for', () => {
    const other = record('read_databases', 'Organization', 'evil');
    const granted = [record('read_branch', 'Database', 'app'), record('create_branch', 'Database', 'app'), other];
    expect(checkGrants(asked, granted, 'acme')).toEqual({
      missing: [{ resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] }],
      unexpected: [other],
      foreign: [other],
    });
    // Without any organization access asked for, too.
    expect(checkGrants(asked.slice(0, 1), [other], 'acme').foreign).toEqual([other]);
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
