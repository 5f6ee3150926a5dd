import { describe, expect, it } from 'vitest';
import { canDelete, missingAccesses, missingAccessesWarning } from '../../src/token/minting-token-accesses.ts';
import type { AccessRequest } from '../../src/inputs/config.ts';

const db = (resourceName: string, access: string) => ({ access, resourceType: 'Database', resourceName });
const org = (access: string) => ({ access, resourceType: 'Organization', resourceName: 'acme' });

describe('missingAccesses', () => {
  const requests: AccessRequest[] = [
    { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch'] },
    { resourceType: 'Database', resourceName: 'analytics', accesses: ['read_branch'] },
    { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
  ];
  it('lists what is asked and not held, per resource; held on another database does not count', () => {
    expect(missingAccesses([db('app', 'read_branch'), db('app', 'create_branch'), db('other', 'read_branch')], requests)).toEqual([
      { resourceType: 'Database', resourceName: 'analytics', accesses: ['read_branch'] },
      { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
    ]);
  });
  it('takes a database access held at organization level as held on every database (advice must not cry wolf)', () => {
    expect(missingAccesses([org('read_branch'), org('create_branch'), org('read_databases')], requests)).toEqual([]);
  });
  it('says it, or them', () => {
    expect(missingAccessesWarning([{ resourceType: 'Database', resourceName: 'app', accesses: ['create_branch'] }])).toContain(
      'so granting it will fail. Add it',
    );
    expect(missingAccessesWarning(requests)).toContain('so granting them will fail');
  });
});

describe('canDelete', () => {
  it('needs delete_service_tokens on the organization', () => {
    expect(canDelete([org('write_service_tokens')])).toBe(false);
    expect(canDelete([org('delete_service_tokens')])).toBe(true);
  });
});
