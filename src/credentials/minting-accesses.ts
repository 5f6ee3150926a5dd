// What the minting token's own accesses say about the credential, once it is minted: a token
// that cannot delete it leaves it alive until its TTL ends, and one that cannot list it leaves
// post unable to confirm it gone. Pure. The accesses are the vendored spec's per-operation lists
// (any one suffices): delete_password and delete_role take delete_branch_password or its
// production variants; list_passwords and list_roles take read_branch, create_branch,
// delete_branch or a connect_* access.

import type { GrantedAccess } from '../planetscale/service-tokens.js';
import { describeCredential, type CredentialTarget } from './target.js';
import { show } from '../report/text.js';

const DELETE = ['delete_branch_password', 'delete_production_branch_password', 'delete_production_read_only_branch_password'];
const LIST = [
  'read_branch',
  'create_branch',
  'delete_branch',
  'connect_branch',
  'connect_production_branch',
  'connect_production_read_only_branch',
];

function holdsAny(held: readonly GrantedAccess[], accesses: readonly string[], database: string): boolean {
  return held.some(
    (h) =>
      accesses.includes(h.access) && (h.resourceType === 'Organization' || (h.resourceType === 'Database' && h.resourceName === database)),
  );
}

/** The warning to give, if the minting token cannot delete or list the credential; undefined when it can. */
export function missingCredentialAccesses(
  held: readonly GrantedAccess[],
  target: Pick<CredentialTarget, 'kind' | 'name' | 'database'>,
  cleanup: boolean,
): string | undefined {
  const missing = [
    ...(cleanup && !holdsAny(held, DELETE, target.database) ? ['delete_branch_password'] : []),
    ...(!holdsAny(held, LIST, target.database) ? ['read_branch'] : []),
  ];
  if (missing.length === 0) return undefined;
  return (
    `The minting token does not hold ${missing.join(' or ')} on database ${show(target.database)}: the post step will not be able to ` +
    `${missing.includes('delete_branch_password') ? 'delete' : 'confirm the deletion of'} ${describeCredential(target)}, which then stays valid until its TTL ends. ` +
    `Add ${missing.join(' and ')} to the minting token.`
  );
}
