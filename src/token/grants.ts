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

function matches(request: AccessRequest, record: GrantedAccess): boolean {
  if (record.resourceType.toLowerCase() !== request.resourceType.toLowerCase()) return false;
  // The name of an organization-level record is unverified; the token lives in one organization,
  // so its type is enough there.
  return request.resourceType === 'Organization' || record.resourceName === request.resourceName;
}

export interface GrantCheck {
  /** Asked for, not reported granted: the job would fail later with a confusing 404. */
  missing: AccessRequest[];
  /** Reported granted, not asked for: more privilege than the job wanted. */
  unexpected: GrantedAccess[];
}

export function checkGrants(asked: readonly AccessRequest[], granted: readonly GrantedAccess[]): GrantCheck {
  const missing = asked.flatMap((request): AccessRequest[] => {
    const absent = request.accesses.filter((access) => !granted.some((g) => g.access === access && matches(request, g)));
    return absent.length > 0 ? [{ ...request, accesses: absent }] : [];
  });
  const unexpected = granted.filter((g) => !asked.some((request) => request.accesses.includes(g.access) && matches(request, g)));
  return { missing, unexpected };
}
