// The main step once its inputs are valid (mint.ts loads this module only then: it brings undici):
// create the token, grant its accesses, hand it to later steps. If anything fails once the token exists, the token is deleted before the step fails, so a failed
// step leaves nothing alive. Transient failures are retried (planetscale/retry.ts); a create
// that may have reached PlanetScale is reconciled by name before it is tried again, since
// create is not idempotent. A cancellation (SIGINT/SIGTERM, see main.ts) stops the step and
// deletes what exists within the runner's grace period.

import { settleLimited } from './concurrency.js';
import { replacedByExportEnv } from './credentials.js';
import { MINTED_MARKER, mintedMarker, valuesBefore } from './env-handover.js';
import { explain } from './explain.js';
import { DEFAULT_API_URL, type AccessRequest, type Config } from './inputs.js';
import { checkGrants, groupGranted } from './grants.js';
import { canDelete, cannotDeleteWarning, missingAccesses, missingAccessesWarning } from './minting-token.js';
import { PlanetScaleClient, type ClientOptions, type Credential } from './planetscale/client.js';
import { PlanetScaleApiError, PlanetScaleResponseError } from './planetscale/errors.js';
import { proxyProblem, stepDispatcher } from './planetscale/dispatcher.js';
import { DEFAULT_RETRY_POLICY, mayHaveActed } from './planetscale/retry.js';
import { recordProxySettings } from './proxy-settings.js';
import {
  createServiceToken,
  grantAccesses,
  listTokenAccesses,
  type CreatedServiceToken,
  type GrantedAccess,
} from './planetscale/service-tokens.js';
import { notRemoved, removeToken, removeTokensNamed } from './remove-token.js';
import * as core from '@actions/core';
import * as log from './log.js';
import { errorMessage, show } from './text.js';
import { STATE, sealCredential, sealEnv } from './state.js';
import { mintSummary, warningSummary } from './summary.js';
import { encodeSweepNames } from './sweep.js';
import { tokenName } from './token-name.js';
import type { RunInfo } from './run-context.js';

/** A failure already explained to the user; the step fails with its message. */
class StepFailure extends Error {}

/** The whole main step talks to PlanetScale within this, so an unreachable API fails within a minute. */
export const MAIN_DEADLINE_MS = 45_000;
/**
 * A create answered nothing but 429 is given up this long after the step started, not at its
 * deadline (retry.ts retryDeadline): it made nothing, so failing loses nothing, and the jobs
 * sharing the minting credential then spend its budget on the grants and deletes of tokens that
 * exist. It leaves a token made at the last moment most of the deadline for its grants.
 */
export const CREATE_RATE_LIMITED_MS = 20_000;
/** Time kept for deleting a token after a failure, even past the deadline. */
const CLEANUP_FLOOR_MS = 8_000;
/**
 * Time for deleting after a cancellation, from the signal: the runner sends SIGTERM 7.5 s after
 * SIGINT, and kills 2.5 s after SIGTERM.
 */
const CANCEL_BUDGET_MS: Record<string, number> = { SIGINT: 6_000, SIGTERM: 2_000 };

/** When the step started, and its cancellation: `cancel` aborts with the signal's name. */
export interface StepClock {
  started: number;
  cancel?: AbortSignal | undefined;
  /** When `cancel` fired. */
  cancelledAt: () => number;
}

/** Mints for valid inputs; resolves to the process exit code. */
export async function mintToken(config: Config, run: RunInfo, env: NodeJS.ProcessEnv, clock: StepClock): Promise<number> {
  const { started, cancel } = clock;
  const badProxy = proxyProblem(env, config.apiUrl);
  if (badProxy) {
    core.error(badProxy);
    return 1;
  }
  const name = tokenName(config.namePrefix);
  // Destroyed when the step returns, whichever way: no open socket delays the exit.
  await using dispatcher = stepDispatcher(env, config.apiUrl);
  const clientOptions: ClientOptions = {
    dispatcher,
    baseUrl: config.apiUrl,
    credential: config.credential,
    debug: core.isDebug() ? core.debug : undefined,
    log: log.info,
    deadline: started + MAIN_DEADLINE_MS,
    signal: cancel,
  };
  const client = new PlanetScaleClient(clientOptions);
  /** The client that deletes after a failure: never cancelled, and with time of its own. */
  const cleaner = () =>
    client.derive({
      signal: undefined,
      deadline: cancel?.aborted
        ? clock.cancelledAt() + (CANCEL_BUDGET_MS[String(cancel.reason)] ?? CANCEL_BUDGET_MS['SIGTERM']!)
        : Math.max(started + MAIN_DEADLINE_MS, Date.now() + CLEANUP_FLOOR_MS),
    });

  // Before the create call: post needs these to clean up whatever happens next.
  core.saveState(STATE.org, config.org);
  core.saveState(STATE.apiUrl, config.apiUrl);
  core.saveState(STATE.name, name);
  const proxy = recordProxySettings(env);
  if (proxy) {
    if (proxy.secret) log.setSecret(proxy.value);
    core.saveState(STATE.proxy, proxy.value);
  }
  if (config.sweepExpired) core.saveState(STATE.sweep, encodeSweepNames(config.sweepNames));
  if (cancel?.aborted) {
    core.error(`The job was cancelled (${String(cancel.reason)}) before the token was created: nothing was minted.`);
    return 1;
  }

  log.info(`Minting service token ${show(name)} in organization ${show(config.org)}, valid for ${formatTtl(config.ttlSeconds)}.`);
  // The grants go out at once when the create answers, each on a connection of its own: opened
  // now, they are ready by then. One more for the create itself, which takes the first, and one
  // for the read of the minting token's own accesses that runs beside it.
  const readsMintingAccesses = config.credential.kind === 'service-token';
  dispatcher.preconnect(config.apiUrl, Math.min(config.requests.length, MAX_GRANTS_IN_FLIGHT) + 1 + (readsMintingAccesses ? 1 : 0));
  let token: CreatedServiceToken;
  core.saveState(STATE.createAttempted, 'true');
  // The minting token's own accesses, read while the create call is in flight (no added round
  // trip). Advice only: one attempt, and any failure (a 404 without read_service_tokens) is skipped.
  const mintingAccesses =
    readsMintingAccesses && config.credential.kind === 'service-token'
      ? readMintingAccesses(clientOptions, config.org, config.credential.id)
      : undefined;
  try {
    token = await createServiceToken(
      client.derive({ rateLimitedDeadline: started + CREATE_RATE_LIMITED_MS }),
      config.org,
      { name, ttlSeconds: config.ttlSeconds },
      // The secret is masked the moment it arrives, even in an answer refused for a bad ID.
      { beforeRetry: (error) => reconcileBeforeRetry(client, config.org, name, error), onSecret: log.setSecret },
    );
  } catch (error) {
    core.error(
      cancel?.aborted
        ? `The job was cancelled (${String(cancel.reason)}) while the token was being created.`
        : explain(error, { kind: 'create', org: config.org }),
    );
    await cleanUpFailedCreate(cleaner(), config.org, name, error);
    return 1;
  }
  // At once: from here on the ID (and the secret, masked on arrival) may appear in runner output only as ***.
  log.setSecret(token.id);
  core.saveState(STATE.id, token.id);
  const expiresAt = token.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
  core.saveState(STATE.expiresAt, expiresAt);
  if (config.exportEnv && replacedByExportEnv(config.credential, env)) {
    const sealed = sealCredential(withoutSource(config.credential), token.token);
    // The runner logs every saved state value when debug is on: masked first, it shows as ***.
    log.setSecret(sealed);
    core.saveState(STATE.sealedCredential, sealed);
  }

  // The grants do not wait for the minting token's own accesses (a long list is read in pages, a
  // round trip each); its warnings still come before a grant's failure is reported.
  const granting = grantAll(client, config, token.id);
  granting.catch(() => {}); // awaited below, after the warnings
  const held = await mintingAccesses;
  if (held) await warnAboutMintingToken(held, config, name, expiresAt);
  try {
    const granted = await granting;
    if (cancel?.aborted) throw new StepFailure('cancelled');
    await handOver(config, name, token, expiresAt, granted, run.runUrl, env);
    return 0;
  } catch (error) {
    core.error(
      cancel?.aborted
        ? `The job was cancelled (${String(cancel.reason)}) while the token's accesses were being granted.`
        : error instanceof StepFailure
          ? error.message
          : `Unexpected failure after minting: ${errorMessage(error)}`,
    );
    await deleteAfterFailure(cleaner(), config.org, token.id, name, expiresAt);
    return 1;
  }
}

/**
 * Before a create call is tried again: if the failed one may have made the token (its answer
 * lost, or a 5xx), delete any token with our name, so that the retry cannot leave a second one
 * alive. Listing may be refused (no read_service_tokens): then warn, and go on.
 */
async function reconcileBeforeRetry(client: PlanetScaleClient, org: string, name: string, error: unknown): Promise<void> {
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

function withoutSource(credential: Config['credential']): Credential {
  return credential.kind === 'api-token'
    ? { kind: 'api-token', token: credential.token }
    : { kind: 'service-token', id: credential.id, token: credential.token };
}

/**
 * A create call that failed may still have made a token: when the answer was lost (network
 * error, timeout), PlanetScale failed after acting (5xx), or the answer was unusable. Such a
 * token is found by its unique name and deleted, so a failed step leaves nothing alive.
 */
async function cleanUpFailedCreate(client: PlanetScaleClient, org: string, name: string, error: unknown): Promise<void> {
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
/**
 * Grant calls in flight at once: 16 databases plus the organization go out in one round trip, and
 * a long list does not spend the minting token's shared rate limit in one burst.
 */
export const MAX_GRANTS_IN_FLIGHT = 17;

/** One grant call per database plus one for the organization, in parallel: they are independent. */
async function grantAll(client: PlanetScaleClient, config: Config, tokenId: string): Promise<GrantedAccess[]> {
  const results = await settleLimited(config.requests, MAX_GRANTS_IN_FLIGHT, (request) =>
    grantAccesses(client, config.org, tokenId, request.resourceType === 'Organization' ? '' : request.resourceName, request.accesses),
  );
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [explain(result.reason, { kind: 'grant', org: config.org, request: config.requests[i]! })] : [],
  );
  if (failures.length > 0) throw new StepFailure(failures.join('\n'));

  const answers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // A paged answer holds one page of the token's accesses: the whole list is read once every
  // grant is made, so that the rest is not taken for accesses that were not granted.
  const granted = answers.some((answer) => answer.paged)
    ? await readAllAccesses(client, config.org, tokenId)
    : answers.flatMap((answer) => answer.records);
  const { missing, unexpected } = checkGrants(config.requests, granted);
  if (missing.length > 0) {
    throw new StepFailure(
      `PlanetScale accepted the grants but does not report ${missing.map(describeRequest).join('; ')} as granted, ` +
        'so the token would not work as asked. This is unexpected: retry the job, and report it if it persists.',
    );
  }
  if (unexpected.length > 0) {
    // More privilege than the job asked for is not handed over.
    throw new StepFailure(
      `PlanetScale reports accesses that were not asked for: ${unexpected
        .map((g) => `${g.access} on ${g.resourceType} ${show(g.resourceName)}`)
        .join(', ')}. The token is not handed over with more than the job asked for.`,
    );
  }
  return granted;
}

/** The minting token's own accesses; undefined when they cannot be read. */
async function readMintingAccesses(options: ClientOptions, org: string, id: string): Promise<GrantedAccess[] | undefined> {
  // The minting token's ID is in this call's path: kept out of the log lines, as it is out of every other.
  const hide = (log: ((line: string) => void) | undefined) => log && ((line: string) => log(line.replaceAll(id, '<minting token ID>')));
  const client = new PlanetScaleClient({
    ...options,
    debug: hide(options.debug),
    log: hide(options.log),
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 },
  });
  return listTokenAccesses(client, org, id).catch(() => undefined);
}

/** Said before the grants: what the minting token's accesses mean for this job. */
async function warnAboutMintingToken(held: GrantedAccess[], config: Config, name: string, expiresAt: string): Promise<void> {
  if (config.cleanup && !canDelete(held)) {
    const warning = cannotDeleteWarning(name, expiresAt);
    core.warning(warning);
    await log.appendSummary(warningSummary(warning));
  }
  const missing = missingAccesses(held, config.requests);
  if (missing.length > 0) core.warning(missingAccessesWarning(missing));
}

async function readAllAccesses(client: PlanetScaleClient, org: string, tokenId: string): Promise<GrantedAccess[]> {
  try {
    return await listTokenAccesses(client, org, tokenId);
  } catch (error) {
    const refused = error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404);
    throw new StepFailure(
      "PlanetScale answered a grant call with one page of the token's accesses, and reading the other pages failed" +
        (refused
          ? ` (HTTP ${error.status}): the minting credential lacks read_service_tokens, so the grants cannot be checked. Add it to the minting token.`
          : `: ${errorMessage(error)}`),
    );
  }
}

function describeRequest(request: AccessRequest): string {
  return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${show(request.resourceName)}`;
}

/** Outputs, env for later steps, log and summary. */
async function handOver(
  config: Config,
  name: string,
  token: CreatedServiceToken,
  expiresAt: string,
  granted: GrantedAccess[],
  runUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const grouped = groupGranted(granted);
  // Only a token handed over may outlive the job (cleanup: false): one that main failed to
  // delete after a failure is never kept, so post deletes it whatever cleanup says.
  core.saveState(STATE.cleanup, String(config.cleanup));
  core.setOutput('service-token-id', token.id);
  core.setOutput('service-token', token.token);
  core.setOutput('name', name);
  core.setOutput('expires-at', expiresAt);
  core.setOutput('accesses', JSON.stringify(grouped));

  const variables: Record<string, string> = config.exportEnv
    ? { ...envForLaterSteps(config, token), [MINTED_MARKER]: mintedMarker(token.id) }
    : {};
  // Before replacing them: post puts them back, for the posts of earlier uses of the action. When
  // none was set, no earlier use's post reads them (one that exported or read its credential from
  // env set them), so there is nothing to put back and post stays free of node:crypto.
  const before = valuesBefore(Object.keys(variables), env);
  if (Object.values(before).some(Boolean)) {
    // Masked first, as the sealed credential is: the runner logs saved state with debug on.
    const sealed = sealEnv(before, token.token);
    log.setSecret(sealed);
    core.saveState(STATE.envBefore, sealed);
  }
  for (const [variable, value] of Object.entries(variables)) core.exportVariable(variable, value);
  const exported = Object.keys(variables);

  for (const g of grouped) log.info(`Granted on ${g.resource_type.toLowerCase()} ${show(g.resource_name)}: ${g.accesses.join(', ')}`);
  log.info(
    `Service token ${show(name)} is ready; it expires at ${expiresAt}.` +
      (exported.length > 0 ? ` Exported ${exported.join(', ')} for later steps.` : ''),
  );
  await log.appendSummary(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup, runUrl }));
}

/** The variables pscale reads, as later steps get them. */
export function envForLaterSteps(
  config: Pick<Config, 'org' | 'apiUrl'>,
  token: Pick<CreatedServiceToken, 'id' | 'token'>,
): Record<string, string> {
  return {
    PLANETSCALE_SERVICE_TOKEN_ID: token.id,
    PLANETSCALE_SERVICE_TOKEN: token.token,
    PLANETSCALE_ORG: config.org,
    // Only when not the default: a job-level PLANETSCALE_API_URL would otherwise be overridden for nothing.
    ...(config.apiUrl === DEFAULT_API_URL ? {} : { PLANETSCALE_API_URL: config.apiUrl }),
  };
}

async function deleteAfterFailure(client: PlanetScaleClient, org: string, id: string, name: string, expiresAt: string): Promise<void> {
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

export function formatTtl(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
