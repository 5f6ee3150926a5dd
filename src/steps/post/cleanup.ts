// The post step: delete the token main minted, with the credential main minted it with; look
// for it by name when main could not account for a create call; optionally sweep leftovers.

import { parseCredential } from '../../inputs/minting-credential.js';
import { parseApiUrl } from '../../inputs/api-url.js';
import { trustAsMain } from './trust.js';
import type { PostWork } from './plan.js';
import { PlanetScaleClient, type Credential } from '../../planetscale/client.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../planetscale/retry.js';
import { proxyProblem, stepDispatcher } from '../../planetscale/dispatcher.js';
import { changedProxyVariables, proxySettingsOf, readProxySettings } from '../../state/proxy-settings.js';
import { deleteServiceToken } from '../../planetscale/service-tokens.js';
import { notRemoved, removeToken, removeTokensNamed } from '../../token/remove.js';
import * as core from '@actions/core';
import { apiCredential } from '../api-credential.js';
import * as log from '../../runner/log.js';
import { readInput } from '../../runner/read-input.js';
import { STATE } from '../../state/keys.js';
import { credentialDeletedSummary, credentialNotDeletedSummary, deletedSummary, notDeletedSummary } from '../../report/summary.js';
import { describeCredential, removeCredential, type CredentialTarget } from '../../credentials/remove.js';
import { decodeSweepNames, type SweepNames } from '../../token/sweep-names.js';
import { sweepExpired } from '../../token/sweep.js';
import { show } from '../../report/text.js';

/** Post talks to PlanetScale within this; it is not cancelled by the runner, but must end. */
export const POST_DEADLINE_MS = 45_000;
/**
 * A call answered nothing but 429 goes on until this instead (client.ts rateLimitedDeadline):
 * post's delete is the last chance to leave nothing alive, and a rate limit is sure to end, so
 * a step that ends late is the lesser harm. `npm run load` at twice the rate one minting
 * credential serves left tokens alive with 45 s. Still bounded, as the runner cancels no post
 * step and only the job's timeout would end it.
 */
export const POST_RATE_LIMITED_DEADLINE_MS = 5 * 60_000;

/** Post's retries: a 429 is tried again for as long as the deadline allows, not the usual 12 times. */
const POST_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, rateLimitedAttempts: Infinity };

/**
 * Runs the calls of the post step that `work` (plan.ts, read by post.ts) asks for;
 * resolves to the process exit code. Idempotent: run again, it finds the token gone (a 404 on
 * delete is success) and nothing named ours.
 */
export async function cleanup(work: PostWork, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { id, name, expiresAt, byId, byName } = work;
  const sweep = work.sweep ? decodeSweepNames(core.getState(STATE.sweep)) : undefined;

  const org = core.getState(STATE.org);
  const failed = async (reason: string, unconfirmed = false): Promise<number> => {
    if (!byId && !byName && !work.credential) {
      // Only the sweep was asked for, and it is best effort: a warning, never a failed step.
      core.warning(`sweep-expired: ${reason}`);
      return 0;
    }
    if (byId || byName) {
      core.error(
        `${notRemoved(name, { unconfirmed })}: ${reason} It stays valid until ${expiresAt}; ` +
          `delete it in PlanetScale (organization ${show(org)}, Settings > Service tokens) if that is too long.`,
      );
      await log.appendSummary(notDeletedSummary(name, expiresAt, unconfirmed));
    }
    return 1;
  };
  /** A failure before any call: neither the credential nor the token can be deleted. */
  const failedBeforeAnyCall = async (reason: string): Promise<number> => {
    if (work.credential) await reportCredentialNotRemoved(work.credential.target, { reason });
    return failed(reason);
  };
  // The proxy main used, not one a later step may have put in env since (state/proxy-settings.ts).
  const proxy = readProxySettings(core.getState(STATE.proxy));
  const changed = changedProxyVariables(proxy, proxySettingsOf(env));
  if (changed.length > 0) {
    core.warning(
      `${changed.join(', ')} changed after the main step (a later step wrote to GITHUB_ENV?). ` +
        'The post step uses the proxy settings the main step used, so the minting token goes only where it went then.',
    );
  }
  const apiUrl = recordedApiUrl(core.getState(STATE.apiUrl), readInput('api-url'));
  if (!apiUrl.ok) return await failedBeforeAnyCall(apiUrl.reason);
  const badProxy = proxyProblem(proxy, apiUrl.value);
  if (badProxy) return await failedBeforeAnyCall(badProxy);
  const deadline = Date.now() + POST_DEADLINE_MS;
  const rateLimitedDeadline = Date.now() + POST_RATE_LIMITED_DEADLINE_MS;
  // Destroyed when the step returns, whichever way: no open socket delays the exit.
  await using dispatcher = stepDispatcher(proxy, apiUrl.value, trustAsMain(core.getState(STATE.extraCaCerts), env));
  const clientWith = (credential: Credential, retry?: RetryPolicy) =>
    new PlanetScaleClient({
      dispatcher,
      baseUrl: apiUrl.value,
      credential,
      // The minted ID goes into paths: hidden from API text too, as the runner masks whole values only.
      alsoHide: id ? [id] : [],
      debug: core.isDebug() ? core.debug : undefined,
      log: log.info,
      deadline,
      rateLimitedDeadline,
      retry,
    });

  // The usual post: one token to delete, and the inputs still hold the minting token. Trying
  // it first spares opening the sealed copy in every job's post. Only a
  // delete that succeeds is taken from it: anything else (a 404 could mean the inputs now hold
  // another organization's token) goes the sure way below, with the credential main minted with.
  const quick = byId && !byName && !sweep && !work.credential ? inputsCredential(env, id) : undefined;
  // One attempt: whatever goes wrong is for the sure way to retry, within the same deadline.
  if (quick && (await deletedWith(clientWith(quick, { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 }), org, id))) {
    log.info(`Deleted service token ${show(name)}.`);
    await log.appendSummary(deletedSummary(name, 'deleted'));
    return 0;
  }

  const credential = await mintingCredential(env, id);
  if (typeof credential === 'string') return await failedBeforeAnyCall(credential);
  const client = clientWith(credential, POST_RETRY_POLICY);

  // A failure to delete by ID does not stop the look by name or the sweep: each may still end
  // a token of ours. The step fails at the end.
  let exitCode = 0;
  // The credential first: should the token's deletion fail, the credential is still gone.
  if (work.credential) exitCode = await removeDatabaseCredential(client, work.credential.target, work.credential.id);
  if (byId) {
    const result = await removeToken(client, org, id, name);
    if (result.ok) {
      log.info(
        result.outcome === 'deleted'
          ? `Deleted service token ${show(name)}.`
          : `Service token ${show(name)} was already gone (deleted elsewhere, or expired and removed): none by its name is listed.`,
      );
      await log.appendSummary(deletedSummary(name, result.outcome));
    } else {
      exitCode = await failed(result.reason, result.unconfirmed);
    }
  }
  if (byName) {
    // Main began creating the token but never learnt its ID (cancelled, or the answer was
    // lost), or a create call of its may have been carried out after it looked.
    log.info(`The main step did not learn whether service token ${show(name)} was created: looking for it by name.`);
    // The recorded token is dealt with by ID (deleted, or kept): a slow list may still show it.
    const found = await removeTokensNamed(client, org, name, id || undefined);
    if (found.ok) {
      log.info(found.removed > 0 ? `Deleted service token ${show(name)}.` : `No other service token named ${show(name)} exists.`);
      if (found.removed > 0) await log.appendSummary(deletedSummary(name, 'deleted'));
    } else if (id) {
      // A precaution once the token itself was dealt with by ID: a refusal is warned of.
      core.warning(`${found.reason} If a failed create call of the main step made a token, it stays valid until its TTL ends.`);
    } else {
      exitCode = await failed(found.reason, found.unconfirmed); // the name was all post had
    }
  }
  // A section of its own in the log: a sweep may list many tokens.
  if (sweep) await core.group('sweep-expired: expired tokens of earlier runs', () => sweepLeftovers(client, org, sweep));
  return exitCode;
}

/** Deletes the credential main minted, and says what became of it; resolves to the exit code. */
async function removeDatabaseCredential(client: PlanetScaleClient, target: CredentialTarget, id: string): Promise<number> {
  const what = describeCredential(target);
  if (!id) log.info(`The main step did not learn whether ${what} was created: looking for it by name.`);
  const result = await removeCredential(client, target, id || undefined);
  if (result.ok) {
    log.info(
      result.outcome === 'deleted'
        ? `Deleted ${what}.`
        : id
          ? `${capitalize(what)} was already gone (deleted elsewhere, or expired): none by its name is listed.`
          : `No ${what} exists: nothing was left alive.`,
    );
    if (result.outcome === 'deleted' || id) await log.appendSummary(credentialDeletedSummary(what, result.outcome));
    return 0;
  }
  await reportCredentialNotRemoved(target, result);
  return 1;
}

async function reportCredentialNotRemoved(target: CredentialTarget, result: { reason: string; unconfirmed?: boolean }): Promise<void> {
  const what = describeCredential(target);
  core.error(
    `${result.unconfirmed ? `Could not confirm that ${what} is gone` : `Could not delete ${what}`}: ${result.reason} ` +
      `It stays valid until its TTL ends; delete it in PlanetScale (database ${show(target.database)}, branch ${show(target.branch)}) if that is too long.`,
  );
  await log.appendSummary(credentialNotDeletedSummary(what, result.unconfirmed));
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The API URL main recorded, checked again with main's rules, and against the api-url input: the
 * minting token goes only where the inputs say, whatever the state says.
 */
export function recordedApiUrl(recorded: string, input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const fromState = parseApiUrl(recorded);
  const fromInput = parseApiUrl(input);
  if (!recorded || !fromState.ok || !fromInput.ok || fromState.value !== fromInput.value) {
    return {
      ok: false,
      reason:
        'the API URL the main step recorded is not the one the api-url input gives now (did a later step change it?), so the minting token is not sent.',
    };
  }
  return { ok: true, value: fromState.value };
}

/** The optional sweep; best effort: it warns, but never fails the step. */
async function sweepLeftovers(client: PlanetScaleClient, org: string, names: SweepNames): Promise<void> {
  const result = await sweepExpired(client, org, names, Date.now());
  if (!result.ok) {
    core.warning(`sweep-expired: ${result.reason}`);
    return;
  }
  for (const failure of result.failures) core.warning(`sweep-expired: ${failure}`);
  log.info(`sweep-expired: deleted ${result.removed} expired service token${result.removed === 1 ? '' : 's'} left by earlier runs.`);
  if (result.removed > 0)
    await log.appendSummary(`Swept ${result.removed} expired service token${result.removed === 1 ? '' : 's'} left by earlier runs.\n`);
}

/**
 * The credential main minted with: the sealed copy main kept when export-env replaced the
 * credential's source (env PLANETSCALE_SERVICE_TOKEN*, or inputs reading it), else the
 * inputs (evaluated again for post) or env. Returns an explanation when there is none.
 */
async function mintingCredential(env: NodeJS.ProcessEnv, mintedId: string): Promise<Credential | string> {
  const sealed = core.getState(STATE.sealedCredential);
  if (sealed) {
    const { openCredential } = await import('../../state/seal.js');
    const opened = openCredential(sealed, (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
    if (opened) {
      if (opened.kind === 'service-token') log.setSecret(opened.id);
      log.setSecret(opened.token);
      return opened;
    }
  }
  const parsed = parseCredential(readInput, env);
  if (!parsed.ok) return `the minting token is no longer available (${parsed.errors.map((e) => e.message).join(' ')})`;
  const credential = parsed.value;
  if (credential.kind === 'service-token' && mintedId && credential.id === mintedId) {
    return (
      'the minting token could not be recovered: PLANETSCALE_SERVICE_TOKEN(_ID) and the inputs now hold the minted token ' +
      '(did a later step, or another use of this action, change PLANETSCALE_SERVICE_TOKEN?).'
    );
  }
  return credential;
}

/**
 * The minting token the inputs hold now, when main kept a sealed copy (else the sure way
 * costs nothing more) and the inputs, not env, give one that is not the minted token.
 */
function inputsCredential(env: NodeJS.ProcessEnv, mintedId: string): Credential | undefined {
  if (!core.getState(STATE.sealedCredential)) return undefined;
  const parsed = parseCredential(readInput, env);
  if (!parsed.ok || parsed.value.source !== 'input') return undefined;
  const credential = parsed.value;
  return credential.kind === 'service-token' && credential.id === mintedId ? undefined : apiCredential(credential);
}

/** Whether deleting the token succeeded; false for a 404 or any failure, which the caller does not conclude from. */
async function deletedWith(client: PlanetScaleClient, org: string, id: string): Promise<boolean> {
  try {
    return (await deleteServiceToken(client, org, id)) === 'deleted';
  } catch {
    return false;
  }
}
