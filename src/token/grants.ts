// Comparing what PlanetScale reports granted with what the job asked for, and shaping it for
// the `accesses` output. Pure functions.

import type { AccessRequest } from '../inputs/config.js';
import type { GrantedAccess } from '../planetscale/service-tokens.js';

/** The `accesses` output: one entry per resource, as PlanetScale reported the grants. */
export interface GrantedResource {
  resource_type: string;
  resource_name: string;
  accesses: string[];
}

export function groupGranted(records: readonly GrantedAccess[]): GrantedResource[] {
  const byResource = new Map<string, GrantedResource>();
  for (const { resourceType, resourceName, access } of records) {
    const key = `${resourceType}\0${resourceName}`;
    const entry = byResource.get(key) ?? { resource_type: resourceType, resource_name: resourceName, accesses: [] };
    if (!entry.accesses.includes(access)) entry.accesses.push(access);
    byResource.set(key, entry);
  }
  return [...byResource.values()];
}

const isOrganization = (record: GrantedAccess) => record.resourceType.toLowerCase() === 'organization';
const sameOrganization = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function matches(request: AccessRequest, record: GrantedAccess): boolean {
  if (record.resourceType.toLowerCase() !== request.resourceType.toLowerCase()) return false;
  return request.resourceType === 'Organization'
    ? sameOrganization(record.resourceName, request.resourceName)
    : record.resourceName === request.resourceName;
}

export interface GrantCheck {
  /** Asked for, not reported granted: the job would fail later with a confusing 404. */
  missing: AccessRequest[];
  /** Reported granted, not asked for: more privilege than the job wanted. */
  unexpected: GrantedAccess[];
  /** Organization-level records that name another organization than the job's: the answer is not about this token. */
  foreign: GrantedAccess[];
}

export function checkGrants(asked: readonly AccessRequest[], granted: readonly GrantedAccess[], org: string): GrantCheck {
  const missing = asked.flatMap((request): AccessRequest[] => {
    const absent = request.accesses.filter((access) => !granted.some((g) => g.access === access && matches(request, g)));
    return absent.length > 0 ? [{ ...request, accesses: absent }] : [];
  });
  const unexpected = granted.filter((g) => !asked.some((request) => request.accesses.includes(g.access) && matches(request, g)));
  const foreign = granted.filter((g) => isOrganization(g) && !sameOrganization(g.resourceName, org));
  return { missing, unexpected, foreign };
}
