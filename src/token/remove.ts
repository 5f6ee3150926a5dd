// Deleting a minted token, used by main (after a failure) and by post.
//
// PlanetScale answers 404 both for a token that is gone and for a caller that may not delete
// it, so a 404 is checked with a read: a token that can still be read was not deleted. A token
// that cannot be read either is confirmed gone by its unique name, which finds it for certain.
// When the ID was never learnt (a create whose answer was lost), the name is all there is.

import { explain, listingFailure } from '../report/explain.js';
import type { PlanetScaleClient } from '../planetscale/client.js';
import { deleteServiceToken, findServiceTokensNamed, serviceTokenExists } from '../planetscale/service-tokens.js';
import * as log from '../runner/log.js';
import { show } from '../report/text.js';

export type RemovalResult =
  | { ok: true; outcome: 'deleted' | 'already-gone' }
  /** `unconfirmed`: no delete succeeded, and the token could not be looked up by name either. */
  | { ok: false; reason: string; unconfirmed?: boolean };

/** The wait before deleting once more a token that PlanetScale answered 404 for, yet still shows. */
export const DELETE_AGAIN_AFTER_MS = 1_000;

/**
 * Deletes the token with ID `id`, named `name`. "already-gone" is reported only when the name
 * confirms it: PlanetScale answers 404 to deleting and to reading an ID it does not know too (a
 * bad create answer, a read lagging behind a write), so the two 404s alone prove nothing.
 */
export async function removeToken(client: PlanetScaleClient, org: string, id: string, name: string): Promise<RemovalResult> {
  const byId = await removeById(client, org, id, name);
  if (byId !== 'not-found') return byId;
  let ids: string[];
  const both404 = 'PlanetScale answered 404 to deleting it and to reading it by its ID (as it does for an ID it does not know)';
  try {
    const found = await findServiceTokensNamed(client, org, name);
    ids = found.ids;
    if (ids.length === 0 && found.cutShort) {
      return { ok: false, unconfirmed: true, reason: `${both404}, and it could not be looked up by name: ${found.cutShort}.` };
    }
  } catch (error) {
    return {
      ok: false,
      unconfirmed: true,
      reason: `${both404}, and looking it up by name failed. ${listingFailure(error, `a token named ${show(name)}`)}`,
    };
  }
  if (ids.length === 0) return { ok: true, outcome: 'already-gone' };
  log.info(
    `Service token ${show(name)} is still listed by its name although PlanetScale answered 404 for its ID: deleting it by the listed ID.`,
  );
  const result = await deleteListed(client, org, ids, name);
  return result.ok ? { ok: true, outcome: 'deleted' } : result;
}

/**
 * Deletes by ID; "not-found" when PlanetScale answers 404 to deleting and to reading the token.
 * A token it answers 404 to deleting yet still shows is deleted once more after a wait (its
 * reads may lag behind its writes) before a missing delete_service_tokens is concluded.
 */
async function removeById(client: PlanetScaleClient, org: string, id: string, name: string): Promise<RemovalResult | 'not-found'> {
  const operation = { kind: 'delete', org, tokenName: name } as const;
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await deleteServiceToken(client, org, id)) === 'deleted') {
        if (attempt > 1) {
          log.info(
            `Deleted service token ${show(name)} on the second try: the first 404 came from PlanetScale's reads lagging behind its writes, not from a missing delete_service_tokens.`,
          );
        }
        return { ok: true, outcome: 'deleted' };
      }
    } catch (error) {
      return { ok: false, reason: explain(error, operation) };
    }
    let stillThere: boolean;
    try {
      // false also when the minting token lacks read_service_tokens (404 again): removeToken
      // then looks the token up by name.
      stillThere = await serviceTokenExists(client, org, id);
    } catch (error) {
      return {
        ok: false,
        reason: `PlanetScale answered 404 to deleting service token ${show(name)}, and checking whether it still exists failed: ${explain(error, operation)}`,
      };
    }
    if (!stillThere) return 'not-found';
    if (attempt > 1) {
      return {
        ok: false,
        reason:
          `PlanetScale answered 404 to deleting service token ${show(name)} twice, a wait apart, yet the token still exists: ` +
          'the minting token lacks delete_service_tokens (a read lagging behind a write would have caught up). Add it to the minting token.',
      };
    }
    if (!client.waitEndsInTime(DELETE_AGAIN_AFTER_MS)) {
      return {
        ok: false,
        reason:
          `PlanetScale answered 404 to deleting service token ${show(name)}, yet still shows it, and the time limit for talking to PlanetScale ` +
          'leaves no time to wait and try once more: whether its reads lag behind its writes or the minting token lacks delete_service_tokens is not known.',
      };
    }
    log.info(
      `PlanetScale answered 404 to deleting service token ${show(name)}, yet still shows it: trying once more, in case its reads lag behind its writes.`,
    );
    await new Promise((resolve) => setTimeout(resolve, DELETE_AGAIN_AFTER_MS));
  }
}

export type NamedRemovalResult = { ok: true; removed: number } | { ok: false; reason: string; unconfirmed?: boolean };

/** Deletes every token named `name` (ours alone, by its random suffix), except the one with ID `except` (dealt with by ID already). */
export async function removeTokensNamed(
  client: PlanetScaleClient,
  org: string,
  name: string,
  except?: string,
): Promise<NamedRemovalResult> {
  let found: Awaited<ReturnType<typeof findServiceTokensNamed>>;
  try {
    found = await findServiceTokensNamed(client, org, name);
  } catch (error) {
    return { ok: false, reason: listingFailure(error, `a token named ${show(name)}`) };
  }
  // Those found are deleted even when the list is cut short; the rest is not known to hold none.
  const result = await deleteListed(
    client,
    org,
    found.ids.filter((id) => id !== except),
    name,
  );
  if (!result.ok || !found.cutShort) return result;
  return {
    ok: false,
    unconfirmed: true,
    reason:
      result.removed > 0
        ? `${found.cutShort}; ${result.removed} named ${show(name)} among those read ${result.removed === 1 ? 'was' : 'were'} deleted, and another may be among the rest.`
        : `${found.cutShort}, and none of those read is named ${show(name)}: one may be among the rest.`,
  };
}

/** Deletes tokens found by the name `name`: a token still listed after 404s is not gone. */
async function deleteListed(client: PlanetScaleClient, org: string, ids: string[], name: string): Promise<NamedRemovalResult> {
  for (const id of ids) {
    // A token minted for this job: its ID is masked like the one main learnt (e.g. in retry lines).
    log.setSecret(id);
    const result = await removeById(client, org, id, name);
    if (result === 'not-found') {
      return {
        ok: false,
        unconfirmed: true,
        reason: 'PlanetScale lists a token by its name, yet answers 404 to deleting it and to reading it by the listed ID.',
      };
    }
    if (!result.ok) return result;
  }
  return { ok: true, removed: ids.length };
}

/** The first words of a message about a token that was not removed: not deleted, or not confirmed gone. */
export function notRemoved(name: string, result: { unconfirmed?: boolean }): string {
  return result.unconfirmed ? `Could not confirm that service token ${show(name)} is gone` : `Could not delete service token ${show(name)}`;
}
