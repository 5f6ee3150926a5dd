// What the minting token's own accesses say about this job, read while the token is created: a
// token that cannot delete what it mints leaves every minted token alive until its TTL ends, and
// one that lacks an access the job asks for makes the grant fail. Both are said before they bite.
// Pure: the accesses come in, sentences come out.

import type { AccessRequest } from '../inputs/config.js';
import type { GrantedAccess } from '../planetscale/service-tokens.js';
import { show } from '../report/text.js';

function holds(held: readonly GrantedAccess[], access: string, request: Pick<AccessRequest, 'resourceType' | 'resourceName'>): boolean {
  return held.some(
    (h) =>
      h.access === access &&
      // A database access held at organization level is taken as held on every database: the
      // warning is advice, and must not cry wolf where PlanetScale might allow it.
      (h.resourceType === 'Organization' ||
        (request.resourceType === 'Database' && h.resourceType === 'Database' && h.resourceName === request.resourceName)),
  );
}

/** The requested accesses the minting token does not hold, per resource. */
export function missingAccesses(held: readonly GrantedAccess[], requests: readonly AccessRequest[]): AccessRequest[] {
  return requests.flatMap((request) => {
    const missing = request.accesses.filter((access) => !holds(held, access, request));
    return missing.length > 0 ? [{ ...request, accesses: missing }] : [];
  });
}

/** Whether the minting token holds delete_service_tokens on its organization. */
export function canDelete(held: readonly GrantedAccess[]): boolean {
  return held.some((h) => h.access === 'delete_service_tokens' && h.resourceType === 'Organization');
}

export function cannotDeleteWarning(name: string, expiresAt: string): string {
  return (
    `The minting token lacks delete_service_tokens: the post step will not be able to delete service token ${show(name)}, ` +
    `which stays valid until ${expiresAt}. Add delete_service_tokens to the minting token (organization Settings > Service tokens).`
  );
}

export function missingAccessesWarning(missing: readonly AccessRequest[]): string {
  const listed = missing
    .map((m) => `${m.accesses.join(', ')} on ${m.resourceType === 'Organization' ? 'organization' : 'database'} ${show(m.resourceName)}`)
    .join('; ');
  return `The minting token does not hold ${listed}: PlanetScale lets a token grant only accesses it holds itself, so granting ${
    missing.length === 1 && missing[0]!.accesses.length === 1 ? 'it' : 'them'
  } will fail. Add ${missing.length === 1 && missing[0]!.accesses.length === 1 ? 'it' : 'them'} to the minting token, or ask for less.`;
}
