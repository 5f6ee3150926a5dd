// Before a create call is tried again: reconcile by name, since create is not idempotent.

import * as core from '@actions/core';
import type { PlanetScaleClient } from '../../planetscale/client.js';
import { mayHaveActed } from '../../planetscale/retry.js';
import { show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';
import { removeTokensNamed } from '../../token/remove.js';

/**
 * Before a create call is tried again: if the failed one may have made the token (its answer
 * lost, or a 5xx), delete any token with our name, so that the retry cannot leave a second one
 * alive. Listing may be refused (no read_service_tokens): then warn, and go on.
 */
export async function reconcileBeforeRetry(client: PlanetScaleClient, org: string, name: string, error: unknown): Promise<void> {
  if (!mayHaveActed(error)) return;
  core.saveState(STATE.lookUpByName, 'true');
  log.info(`The failed create call may have reached PlanetScale: deleting any token named ${show(name)} before trying again.`);
  const result = await removeTokensNamed(client, org, name);
  if (!result.ok) {
    core.warning(`${result.reason} If that call made a token, it stays valid until its TTL ends unless the post step finds it.`);
  } else if (result.removed > 0) {
    log.info(`Deleted service token ${show(name)}, made by the failed call.`);
  }
}
