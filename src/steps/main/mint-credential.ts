// Main's database credential: once the database's kind is in (read beside the token's create),
// create a branch password (Vitess) or a role (Postgres) on the branch, mask it in every form,
// and give back the connection. A create that may have reached PlanetScale is reconciled by the
// credential's unique name before it is tried again, as the token's is.

import * as core from '@actions/core';
import type { Config } from '../../inputs/config.js';
import { formatInputError } from '../../inputs/parsed.js';
import type { PlanetScaleClient } from '../../planetscale/client.js';
import {
  createCredential,
  credentialWhat,
  getDefaultRoleId,
  type CreatedCredential,
  type DatabaseKind,
} from '../../planetscale/database-credentials.js';
import { PlanetScaleResponseError } from '../../planetscale/errors.js';
import { mayHaveActed } from '../../planetscale/retry.js';
import { connectionFor, secretForms, type Connection } from '../../credentials/connection.js';
import { explainCredential } from '../../credentials/explain.js';
import { planCredential } from '../../credentials/plan.js';
import { describeCredential, removeCredential, type CredentialTarget } from '../../credentials/remove.js';
import { encodeCredentialTarget } from '../../credentials/state.js';
import { show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';

export interface MintedCredential {
  target: CredentialTarget;
  databaseKind: DatabaseKind;
  roles: string[];
  created: CreatedCredential;
  connection: Connection;
}

/** The credential lane's end: minted, or failed (reported), with what may be alive. */
export type CredentialOutcome =
  { ok: true; minted: MintedCredential } | { ok: false; target?: CredentialTarget; id?: string; settled: boolean };

export async function mintCredential(
  client: PlanetScaleClient,
  config: Config,
  name: string,
  kindRead: Promise<DatabaseKind>,
  createClient: PlanetScaleClient,
  cleaner: () => PlanetScaleClient,
): Promise<CredentialOutcome> {
  const request = config.databaseCredential!;
  const ref = { org: config.org, database: request.database, branch: request.branch };
  let databaseKind: DatabaseKind;
  try {
    databaseKind = await kindRead;
  } catch (error) {
    core.error(explainCredential(error, 'read the kind of', ref));
    return { ok: false, settled: true };
  }
  const plan = planCredential(databaseKind, request);
  if (!plan.ok) {
    core.error(formatInputError(plan), { title: `Input ${plan.input}` });
    return { ok: false, settled: true };
  }
  let target: CredentialTarget = { ...ref, kind: plan.kind, name };
  // The successor a deleted role hands what it owns to, read beside the create (no round trip
  // added); post reads it itself if this fails.
  const successorRead = plan.kind === 'role' ? getDefaultRoleId(client, ref, log.setSecret).catch(() => undefined) : undefined;
  core.saveState(STATE.credential, encodeCredentialTarget(target));
  log.info(
    `Minting ${describeCredential(target)} on branch ${show(ref.branch)} of database ${show(ref.database)} (${plan.kind === 'role' ? 'inheriting' : 'role'} ${plan.roles.join(', ')}), valid for the same TTL.`,
  );
  let created: CreatedCredential;
  try {
    created = await createCredential(
      createClient,
      ref,
      plan.kind,
      { name, ttlSeconds: config.ttlSeconds, roles: plan.roles, cidrs: request.cidrs },
      {
        beforeRetry: (error) => reconcileCredentialBeforeRetry(client, target, error),
        onSecret: log.setSecret,
      },
    );
  } catch (error) {
    core.error(explainCredential(error, 'create', target));
    return await cleanUpFailedCredentialCreate(cleaner(), target, error);
  }
  log.setSecret(created.password);
  core.saveState(STATE.credentialId, created.id);
  const successor = await successorRead;
  if (successor) {
    target = { ...target, successor };
    core.saveState(STATE.credential, encodeCredentialTarget(target));
  }
  const connection = connectionFor(databaseKind, created);
  if (!connection) {
    core.error(
      `PlanetScale answered the ${credentialWhat(plan.kind)} create call with a host this action will not put in a URL (${show(created.accessHost)}).`,
    );
    return { ok: false, target, id: created.id, settled: false };
  }
  // Before any output or log line: every form the password takes.
  for (const form of secretForms(created.password, connection.url)) log.setSecret(form);
  return { ok: true, minted: { target, databaseKind, roles: plan.roles, created, connection } };
}

/** Before a create is tried again: delete any credential with our name that the failed call may have made. */
async function reconcileCredentialBeforeRetry(client: PlanetScaleClient, target: CredentialTarget, error: unknown): Promise<void> {
  if (!mayHaveActed(error)) return;
  log.info(`The failed create call may have reached PlanetScale: deleting any ${describeCredential(target)} before trying again.`);
  const result = await removeCredential(client, target, undefined);
  if (!result.ok) core.warning(`${result.reason} The post step will look for it again.`);
}

/**
 * A create that failed may still have made the credential (its answer lost or unusable, a 5xx):
 * it is looked for by name and deleted. A call cut off in flight may still be carried out after
 * that, so only a create that surely failed settles it; post looks again otherwise.
 */
async function cleanUpFailedCredentialCreate(
  client: PlanetScaleClient,
  target: CredentialTarget,
  error: unknown,
): Promise<CredentialOutcome> {
  const answered = error instanceof PlanetScaleResponseError;
  if (!mayHaveActed(error) && !answered) {
    core.saveState(STATE.credentialSettled, 'true');
    return { ok: false, settled: true };
  }
  const id = answered ? error.tokenId : undefined;
  log.info(`The create call may have made ${describeCredential(target)}: looking for it by name to delete it.`);
  const result = await removeCredential(client, target, id);
  if (!result.ok) {
    core.warning(`${result.reason} The post step will look again.`);
    return { ok: false, target, settled: false };
  }
  if (result.removed > 0) log.info(`Deleted ${describeCredential(target)}, created before the failure.`);
  if (answered) core.saveState(STATE.credentialSettled, 'true');
  return { ok: false, target, settled: answered };
}

/** Main's cleanup of a credential after a failure elsewhere (or in its own lane): deleted before the step fails. */
export async function removeCredentialAfterFailure(
  client: PlanetScaleClient,
  target: CredentialTarget,
  id: string | undefined,
): Promise<void> {
  const result = await removeCredential(client, target, id);
  if (result.ok) {
    core.saveState(STATE.credentialSettled, 'true');
    log.info(
      result.outcome === 'deleted'
        ? `Deleted ${describeCredential(target)} after the failure, so nothing is left alive.`
        : `${describeCredential(target)} was already gone after the failure (none by its name is listed).`,
    );
  } else {
    core.error(
      `Could not ${result.unconfirmed ? 'confirm that' : 'delete'} ${describeCredential(target)}${result.unconfirmed ? ' is gone' : ''} after the failure: ${result.reason} The post step will try again.`,
    );
  }
}
