// The minting token's own accesses, read while the token is created: advice said before the grants.

import * as core from '@actions/core';
import type { Config } from '../../inputs/config.js';
import { PlanetScaleClient, type ClientOptions } from '../../planetscale/client.js';
import { DEFAULT_RETRY_POLICY } from '../../planetscale/retry.js';
import { getTokenAccesses, type GrantedAccess } from '../../planetscale/service-tokens.js';
import { warningSummary } from '../../report/summary.js';
import * as log from '../../runner/log.js';
import { canDelete, cannotDeleteWarning, missingAccesses, missingAccessesWarning } from '../../token/minting-token-accesses.js';

/** The minting token's own accesses; undefined when they cannot be read. */
export async function readMintingAccesses(options: ClientOptions, org: string, id: string): Promise<GrantedAccess[] | undefined> {
  // The minting token's ID is in this call's path: kept out of the log lines, as it is out of every other.
  const hide = (log: ((line: string) => void) | undefined) => log && ((line: string) => log(line.replaceAll(id, '<minting token ID>')));
  const client = new PlanetScaleClient({
    ...options,
    debug: hide(options.debug),
    log: hide(options.log),
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 },
  });
  return getTokenAccesses(client, org, id).catch(() => undefined);
}

/** Said before the grants: what the minting token's accesses mean for this job. */
export async function warnAboutMintingToken(held: GrantedAccess[], config: Config, name: string, expiresAt: string): Promise<void> {
  if (config.cleanup && !canDelete(held)) {
    const warning = cannotDeleteWarning(name, expiresAt);
    core.warning(warning);
    await log.appendSummary(warningSummary(warning));
  }
  const missing = missingAccesses(held, config.requests);
  if (missing.length > 0) core.warning(missingAccessesWarning(missing));
}
