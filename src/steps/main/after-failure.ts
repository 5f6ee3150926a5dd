// Main's cleanup when it fails: the token is deleted (or looked for by name, when the create's
// answer was lost) before the step fails, so a failed step leaves nothing alive.

import * as core from '@actions/core';
import type { PlanetScaleClient } from '../../planetscale/client.js';
import { PlanetScaleResponseError } from '../../planetscale/errors.js';
import { mayHaveActed } from '../../planetscale/retry.js';
import { show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';
import { notRemoved, removeToken, removeTokensNamed } from '../../token/remove.js';

/**
 * A create call that failed may still have made a token: when the answer was lost (network
 * error, timeout), PlanetScale failed after acting (5xx), or the answer was unusable. Such a
 * token is found by its unique name and deleted, so a failed step leaves nothing alive.
 */
export async function cleanUpFailedCreate(client: PlanetScaleClient, org: string, name: string, error: unknown): Promise<void> {
  if (!mayHaveActed(error) && !(error instanceof PlanetScaleResponseError)) {
    core.saveState(STATE.settled, 'true');
    return;
  }
  // A call still in flight at PlanetScale (timed out, cancelled) may create the token after we
  // looked: post looks again.
  core.saveState(STATE.lookUpByName, 'true');
  if (error instanceof PlanetScaleResponseError && error.tokenId) {
    log.setSecret(error.tokenId);
    const result = await removeToken(client, org, error.tokenId, name);
    if (result.ok) core.saveState(STATE.settled, 'true');
    else core.error(`${notRemoved(name, result)} after the failure: ${result.reason}`);
    return;
  }
  log.info(`The create call may have reached PlanetScale: looking for a token named ${show(name)} to delete.`);
  const result = await removeTokensNamed(client, org, name);
  if (result.ok) {
    core.saveState(STATE.settled, 'true');
    log.info(
      result.removed > 0
        ? `Deleted service token ${show(name)}, created before the failure.`
        : 'No such token exists: nothing was left alive.',
    );
  } else {
    core.warning(`${result.reason} If the token was created, it stays valid until its TTL ends; the post step will look again.`);
  }
}

export async function deleteAfterFailure(
  client: PlanetScaleClient,
  org: string,
  id: string,
  name: string,
  expiresAt: string,
): Promise<void> {
  const result = await removeToken(client, org, id, name);
  if (result.ok) {
    core.saveState(STATE.settled, 'true');
    log.info(
      result.outcome === 'deleted'
        ? `Deleted service token ${show(name)} after the failure, so nothing is left alive.`
        : `Service token ${show(name)} was already gone after the failure (none by its name is listed), so nothing is left alive.`,
    );
  } else {
    core.error(
      `${notRemoved(name, result)} after the failure: ${result.reason} ` +
        `The post step will try again; if it cannot, the token stays valid until ${expiresAt}.`,
    );
  }
}
