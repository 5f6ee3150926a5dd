// The main step once its inputs are valid (mint.ts loads this module only then: it brings undici):
// create the token, grant its accesses (grant.ts), hand it to later steps (hand-over.ts). If
// anything fails once the token exists, the token is deleted before the step fails
// (after-failure.ts), so a failed step leaves nothing alive. Transient failures are retried (planetscale/retry.ts); a create
// that may have reached PlanetScale is reconciled by name before it is tried again, since
// create is not idempotent. A cancellation (SIGINT/SIGTERM, see main.ts) stops the step and
// deletes what exists within the runner's grace period.

import * as core from '@actions/core';
import type { Config } from '../../inputs/config.js';
import { replacedByExportEnv } from '../../inputs/minting-credential.js';
import { PlanetScaleClient, type ClientOptions } from '../../planetscale/client.js';
import { proxyProblem, stepDispatcher } from '../../planetscale/dispatcher.js';
import { getDatabaseKind } from '../../planetscale/database-credentials.js';
import { createServiceToken, type CreatedServiceToken, type GrantedAccess } from '../../planetscale/service-tokens.js';
import { missingCredentialAccesses } from '../../credentials/minting-accesses.js';
import { explain } from '../../report/explain.js';
import { errorMessage, formatTtl, show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import type { RunInfo } from '../../runner/run-context.js';
import { STATE } from '../../state/keys.js';
import { recordProxySettings } from '../../state/proxy-settings.js';
import { sealCredential } from '../../state/seal.js';
import { tokenName } from '../../token/name.js';
import { encodeSweepNames } from '../../token/sweep-names.js';
import { apiCredential } from '../api-credential.js';
import { adviceWithin } from './advice.js';
import { cleanUpFailedCreate, deleteAfterFailure } from './after-failure.js';
import { reconcileBeforeRetry } from './create.js';
import { grantAll, MAX_GRANTS_IN_FLIGHT } from './grant.js';
import { handOver, type MintedToken } from './hand-over.js';
import { mintCredential, removeCredentialAfterFailure } from './mint-credential.js';
import { readMintingAccesses, warnAboutMintingToken } from './minting-token.js';
import { StepFailure } from './step-failure.js';

/** The whole main step talks to PlanetScale within this, so an unreachable API fails within a minute. */
export const MAIN_DEADLINE_MS = 45_000;
/**
 * A create answered nothing but 429 is given up this long after the step started, not at its
 * deadline (retry.ts retryDeadline): it made nothing, so failing loses nothing, and the jobs
 * sharing the minting token then spend its budget on the grants and deletes of tokens that
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

/**
 * The token's lane's end: what was made, granted or not, and the minting token's accesses if they
 * were read in time. Failures are already reported.
 */
type TokenOutcome = (({ ok: true } & MintedToken) | { ok: false; token?: MintedToken['token'] }) & { held?: GrantedAccess[] | undefined };

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
  // The token's name tells post a token may exist: not written when only a credential is minted.
  if (config.requests.length > 0) core.saveState(STATE.name, name);
  const proxy = recordProxySettings(env);
  if (proxy) {
    if (proxy.secret) log.setSecret(proxy.value);
    core.saveState(STATE.proxy, proxy.value);
  }
  if (config.sweepExpired) core.saveState(STATE.sweep, encodeSweepNames(config.sweepNames));
  core.saveState(STATE.extraCaCerts, env['NODE_EXTRA_CA_CERTS'] ?? '');
  if (cancel?.aborted) {
    core.error(`The job was cancelled (${String(cancel.reason)}) before the token was created: nothing was minted.`);
    return 1;
  }

  // The database's kind, read at once: the credential's create waits on it, and it runs beside
  // the token's create, so it adds no round trip when both are minted.
  const credentialRequest = config.databaseCredential;
  const kindRead = credentialRequest ? getDatabaseKind(client, config.org, credentialRequest.database) : undefined;
  kindRead?.catch(() => {}); // awaited by the credential's lane
  const mintsToken = config.requests.length > 0;
  // The grants go out at once when the create answers, each on a connection of its own: opened
  // now, they are ready by then. One more for the create itself, which takes the first, one for
  // the read of the minting token's own accesses that runs beside it, and two for the credential.
  const readsMintingAccesses = config.credential.kind === 'service-token';
  dispatcher.preconnect(
    config.apiUrl,
    (mintsToken ? Math.min(config.requests.length, MAX_GRANTS_IN_FLIGHT) + 1 : 0) + (readsMintingAccesses ? 1 : 0) + (kindRead ? 2 : 0),
  );
  // The minting token's own accesses, read while the creates are in flight (no added round
  // trip). Advice only: one attempt, and any failure (a 404 without read_service_tokens) is skipped.
  const mintingAccesses =
    readsMintingAccesses && config.credential.kind === 'service-token'
      ? readMintingAccesses(clientOptions, config.org, config.credential.id)
      : undefined;
  const createClient = client.derive({ rateLimitedDeadline: started + CREATE_RATE_LIMITED_MS });
  const credentialLane = kindRead ? mintCredential(client, config, name, kindRead, createClient, cleaner) : undefined;
  // Without a token, the credential's create is the last round of calls: the advice is waited
  // for at most one round trip past it.
  const heldForCredential =
    !mintsToken && mintingAccesses && kindRead && credentialLane
      ? kindRead.then(
          () => adviceWithin(mintingAccesses, credentialLane),
          () => adviceWithin(mintingAccesses, credentialLane),
        )
      : undefined;
  const [tokenOutcome, credentialOutcome] = await Promise.all([
    mintsToken ? mintServiceToken(client, createClient, cleaner, config, name, mintingAccesses, env, cancel) : undefined,
    credentialLane,
  ]);
  const held = mintsToken ? tokenOutcome?.held : await heldForCredential;
  if (held && credentialOutcome?.ok) {
    const missing = missingCredentialAccesses(held, credentialOutcome.minted.target, config.cleanup);
    if (missing) core.warning(missing);
  }
  const failed = tokenOutcome?.ok === false || credentialOutcome?.ok === false;
  if (!failed && cancel?.aborted) core.error(`The job was cancelled (${String(cancel.reason)}) while minting.`);
  if (failed || cancel?.aborted) {
    // Whatever was made is deleted before the step fails, both at once.
    const token = tokenOutcome?.token;
    const credential = credentialOutcome?.ok
      ? { target: credentialOutcome.minted.target, id: credentialOutcome.minted.created.id }
      : credentialOutcome;
    await Promise.all([
      token ? deleteAfterFailure(cleaner(), config.org, token.id, name, token.expiresAt) : undefined,
      credential?.target && !(credentialOutcome?.ok === false && credentialOutcome.settled)
        ? removeCredentialAfterFailure(cleaner(), credential.target, credential.id)
        : undefined,
    ]);
    return 1;
  }
  try {
    await handOver(config, name, tokenOutcome, credentialOutcome?.minted, run.runUrl, env);
    return 0;
  } catch (error) {
    core.error(`Unexpected failure after minting: ${errorMessage(error)}`);
    await Promise.all([
      tokenOutcome ? deleteAfterFailure(cleaner(), config.org, tokenOutcome.token.id, name, tokenOutcome.token.expiresAt) : undefined,
      credentialOutcome?.ok
        ? removeCredentialAfterFailure(cleaner(), credentialOutcome.minted.target, credentialOutcome.minted.created.id)
        : undefined,
    ]);
    return 1;
  }
}

/** The token's lane: create, then grant. Failures are reported here; what was made is in the outcome, for the caller to delete. */
async function mintServiceToken(
  client: PlanetScaleClient,
  createClient: PlanetScaleClient,
  cleaner: () => PlanetScaleClient,
  config: Config,
  name: string,
  mintingAccesses: Promise<GrantedAccess[] | undefined> | undefined,
  env: NodeJS.ProcessEnv,
  cancel: AbortSignal | undefined,
): Promise<TokenOutcome> {
  log.info(`Minting service token ${show(name)} in organization ${show(config.org)}, valid for ${formatTtl(config.ttlSeconds)}.`);
  let created: CreatedServiceToken;
  core.saveState(STATE.createAttempted, 'true');
  try {
    created = await createServiceToken(
      createClient,
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
    return { ok: false };
  }
  // At once: from here on the ID (and the secret, masked on arrival) may appear in runner output only as ***.
  log.setSecret(created.id);
  core.saveState(STATE.id, created.id);
  const expiresAt = created.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
  core.saveState(STATE.expiresAt, expiresAt);
  const token = { ...created, expiresAt };
  if (config.exportEnv && replacedByExportEnv(config.credential, env)) {
    const sealed = sealCredential(apiCredential(config.credential), token.token);
    // The runner logs every saved state value when debug is on: masked first, it shows as ***.
    log.setSecret(sealed);
    core.saveState(STATE.sealedCredential, sealed);
  }

  // The grants do not wait for the minting token's own accesses, and the step waits for those at
  // most one round trip past the grants; its warnings still come before a grant's failure is reported.
  const granting = grantAll(client, config, token.id);
  granting.catch(() => {}); // awaited below, after the warnings
  const held = mintingAccesses && (await adviceWithin(mintingAccesses, granting));
  if (held) await warnAboutMintingToken(held, config, name, expiresAt);
  try {
    const granted = await granting;
    if (cancel?.aborted) throw new StepFailure('cancelled');
    return { ok: true, token, granted, held };
  } catch (error) {
    core.error(
      cancel?.aborted
        ? `The job was cancelled (${String(cancel.reason)}) while the token's accesses were being granted.`
        : error instanceof StepFailure
          ? error.message
          : `Unexpected failure after minting: ${errorMessage(error)}`,
    );
    return { ok: false, token, held };
  }
}
