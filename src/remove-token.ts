// Deleting a minted token, used by main (after a failure) and by post.
//
// PlanetScale answers 404 both for a token that is gone and for a caller that may not delete
// it, so a 404 is checked with a read: a token that can still be read was not deleted. When the
// ID was never learnt (a create whose answer was lost), the token is found by its unique name.

import { explain } from './explain.js';
import type { PlanetScaleClient } from './planetscale/client.js';
import { PlanetScaleApiError } from './planetscale/errors.js';
import { deleteServiceToken, findServiceTokensNamed, serviceTokenExists } from './planetscale/service-tokens.js';
import * as log from './log.js';
import { errorMessage, show } from './text.js';

export type RemovalResult = { ok: true; outcome: 'deleted' | 'already-gone' } | { ok: false; reason: string };

export async function removeToken(client: PlanetScaleClient, org: string, id: string, name: string): Promise<RemovalResult> {
  const operation = { kind: 'delete', org, tokenName: name } as const;
  try {
    if ((await deleteServiceToken(client, org, id)) === 'deleted') return { ok: true, outcome: 'deleted' };
  } catch (error) {
    return { ok: false, reason: explain(error, operation) };
  }
  let stillThere: boolean;
  try {
    // false also when the minting token lacks read_service_tokens (404 again): then the two
    // 404s are all we can know, and the README says to grant read_service_tokens.
    stillThere = await serviceTokenExists(client, org, id);
  } catch (error) {
    return {
      ok: false,
      reason: `PlanetScale answered 404 to deleting service token ${show(name)}, and checking whether it still exists failed: ${explain(error, operation)}`,
    };
  }
  if (stillThere) {
    return {
      ok: false,
      reason:
        `PlanetScale answered 404 to deleting service token ${show(name)}, yet the token still exists: ` +
        'the minting credential lacks delete_service_tokens. Add it to the minting token.',
    };
  }
  return { ok: true, outcome: 'already-gone' };
}

export type NamedRemovalResult = { ok: true; removed: number } | { ok: false; reason: string };

/** Deletes every token named `name` (ours alone, by its random suffix), except the one with ID `except` (dealt with by ID already). */
export async function removeTokensNamed(client: PlanetScaleClient, org: string, name: string, except?: string): Promise<NamedRemovalResult> {
  let ids: string[];
  try {
    ids = (await findServiceTokensNamed(client, org, name)).filter((id) => id !== except);
  } catch (error) {
    return { ok: false, reason: listingFailure(error, `a token named ${show(name)}`) };
  }
  for (const id of ids) {
    // A token minted for this job: its ID is masked like the one main learnt (e.g. in retry lines).
    log.setSecret(id);
    const result = await removeToken(client, org, id, name);
    if (!result.ok) return result;
  }
  return { ok: true, removed: ids.length };
}

/** Why listing the organization's tokens to look for `what` failed, and what it means. */
export function listingFailure(error: unknown, what: string): string {
  if (error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404)) {
    return `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting credential lacks read_service_tokens, so ${what} cannot be looked for.`;
  }
  return `Listing service tokens to look for ${what} failed: ${describeError(error)}`;
}

/** An error's message as a sentence, never empty. */
function describeError(error: unknown): string {
  const message = errorMessage(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
