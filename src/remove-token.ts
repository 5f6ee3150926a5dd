// Deleting a minted token, used by main (after a failure) and by post. PlanetScale answers 404
// both for a token that is gone and for a caller that may not delete it, so a 404 is checked
// with a read: a token that can still be read was not deleted.

import { explain } from './explain.js';
import type { PlanetScaleClient } from './planetscale/client.js';
import { deleteServiceToken, serviceTokenExists } from './planetscale/service-tokens.js';

export type RemovalResult = { ok: true; outcome: 'deleted' | 'already-gone' } | { ok: false; reason: string };

export async function removeToken(client: PlanetScaleClient, org: string, id: string, name: string): Promise<RemovalResult> {
  const operation = { kind: 'delete', org, tokenName: name } as const;
  try {
    if ((await deleteServiceToken(client, org, id)) === 'deleted') return { ok: true, outcome: 'deleted' };
  } catch (error) {
    return { ok: false, reason: explain(error, operation) };
  }
  let stillThere = false;
  try {
    stillThere = await serviceTokenExists(client, org, id);
  } catch {
    // Not allowed to read tokens (or the read failed): the 404 is all we know; take it as gone.
  }
  if (stillThere) {
    return {
      ok: false,
      reason:
        `PlanetScale answered 404 to deleting service token "${name}", yet the token still exists: ` +
        'the minting credential lacks delete_service_tokens. Add it to the minting token.',
    };
  }
  return { ok: true, outcome: 'already-gone' };
}
