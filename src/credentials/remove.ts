// Deleting a minted database credential (branch password or role), used by main after a failure
// and by post, the way token/remove.ts deletes a token: a 404 proves nothing alone (PlanetScale
// answers it for a missing permission too), so "gone" is said only once the ID reads 404 and the
// credential's unique name lists nothing.

import type { PlanetScaleClient } from '../planetscale/client.js';
import { credentialExists, deleteCredential, findCredentialsNamed, getDefaultRoleId } from '../planetscale/database-credentials.js';
import { explainCredential } from './explain.js';
import { describeCredential, type CredentialTarget } from './target.js';
import { show } from '../report/text.js';
import * as log from '../runner/log.js';

export { describeCredential, type CredentialTarget };

export type CredentialRemoval =
  | { ok: true; outcome: 'deleted' | 'already-gone'; removed: number }
  /** `unconfirmed`: no delete succeeded, and the credential could not be looked up by name either. */
  | { ok: false; reason: string; unconfirmed?: boolean };

/**
 * Deletes the credential `id` (when known) and any other named `target.name`. With no ID (the
 * create's answer was lost), the name is all there is.
 */
export async function removeCredential(
  client: PlanetScaleClient,
  target: CredentialTarget,
  id: string | undefined,
): Promise<CredentialRemoval> {
  const what = describeCredential(target);
  let successor = target.successor;
  if (target.kind === 'role' && !successor) {
    // Deleting a role without a successor would drop what it owns: the tables a migration made.
    try {
      successor = await getDefaultRoleId(client, target, log.setSecret);
    } catch (error) {
      return {
        ok: false,
        reason: `The branch's default role, which must take over what ${what} owns before it is dropped, could not be read: ${explainCredential(error, 'read the default role of', target)} Nothing was deleted, so no table it made is lost.`,
      };
    }
  }
  const withSuccessor = { ...target, ...(successor ? { successor } : {}) };
  let removed = 0;
  if (id) {
    const byId = await removeById(client, withSuccessor, id);
    if (byId === 'deleted') removed++;
    else if (byId !== 'not-found') return byId;
  }
  // Confirmed by name: a create whose answer was lost may have made one we never learnt of, and a
  // 404 for the ID alone proves nothing.
  let found: Awaited<ReturnType<typeof findCredentialsNamed>>;
  try {
    found = await findCredentialsNamed(client, target, target.kind, target.name);
  } catch (error) {
    if (removed > 0) return { ok: true, outcome: 'deleted', removed };
    return {
      ok: false,
      unconfirmed: true,
      reason: `Looking ${what} up by name failed: ${explainCredential(error, 'list the credentials of', target)}`,
    };
  }
  for (const other of found.ids.filter((listed) => listed !== id || removed === 0)) {
    log.info(`${capitalize(what)} is still listed by its name: deleting it by the listed ID.`);
    const result = await removeById(client, withSuccessor, other);
    if (result === 'not-found') {
      return {
        ok: false,
        unconfirmed: true,
        reason: `PlanetScale lists ${what} by its name, yet answers 404 to deleting it and to reading it by the listed ID.`,
      };
    }
    if (result !== 'deleted') return result;
    removed++;
  }
  if (found.cutShort) return { ok: false, unconfirmed: true, reason: `${found.cutShort}: whether another ${what} is alive is not known.` };
  return { ok: true, outcome: removed > 0 ? 'deleted' : 'already-gone', removed };
}

/** "deleted", "not-found" (404 to deleting and to reading), or why it failed. */
async function removeById(
  client: PlanetScaleClient,
  target: CredentialTarget,
  id: string,
): Promise<'deleted' | 'not-found' | CredentialRemoval> {
  const what = describeCredential(target);
  try {
    if ((await deleteCredential(client, target, target.kind, id, target.successor)) === 'deleted') return 'deleted';
  } catch (error) {
    return { ok: false, reason: `Deleting ${what} failed: ${explainCredential(error, 'delete', target)}` };
  }
  try {
    if (!(await credentialExists(client, target, target.kind, id))) return 'not-found';
  } catch (error) {
    return {
      ok: false,
      reason: `PlanetScale answered 404 to deleting ${what}, and checking whether it still exists failed: ${explainCredential(error, 'read', target)}`,
    };
  }
  return {
    ok: false,
    reason: `PlanetScale answered 404 to deleting ${what}, yet still shows it: the minting token lacks ${deleteAccess(target)} on database ${show(target.database)}. Add it to the minting token.`,
  };
}

export function deleteAccess(target: Pick<CredentialTarget, 'branch'>): string {
  return `delete_branch_password (or delete_production_branch_password, if ${show(target.branch)} is a production branch)`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
