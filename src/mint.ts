// The main step: validate, create the token, grant its accesses, hand it to later steps. If
// anything fails once the token exists, the token is deleted before the step fails, so a failed
// step leaves nothing alive.

import { explain } from './explain.js';
import { checkGrants, groupGranted } from './grants.js';
import { DEFAULT_API_URL, parseInputs, type AccessRequest, type Config } from './inputs.js';
import { formatInputError } from './parsed.js';
import { PlanetScaleClient, type Credential } from './planetscale/client.js';
import { PlanetScaleApiError, PlanetScaleResponseError } from './planetscale/errors.js';
import { createServiceToken, grantAccesses, type CreatedServiceToken, type GrantedAccess } from './planetscale/service-tokens.js';
import { removeToken, removeTokensNamed } from './remove-token.js';
import * as runner from './runner.js';
import { show } from './text.js';
import { STATE, sealCredential } from './state.js';
import { mintSummary } from './summary.js';
import { tokenName } from './token-name.js';

/** A failure already explained to the user; the step fails with its message. */
class StepFailure extends Error {}

/** Runs the main step; resolves to the process exit code. */
export async function mint(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  maskCredentialInputs(env);
  const parsed = parseInputs(runner.getInput, env);
  if (!parsed.ok) {
    for (const e of parsed.errors) runner.error(formatInputError(e));
    return 1;
  }
  const config = parsed.value;
  const name = tokenName(config.namePrefix);
  const client = new PlanetScaleClient({
    baseUrl: config.apiUrl,
    credential: config.credential,
    debug: runner.isDebug() ? runner.debug : undefined,
  });

  // Before the create call: post needs these to clean up whatever happens next.
  runner.saveState(STATE.org, config.org);
  runner.saveState(STATE.apiUrl, config.apiUrl);
  runner.saveState(STATE.name, name);
  runner.saveState(STATE.cleanup, String(config.cleanup));

  runner.info(`Minting service token ${show(name)} in organization ${show(config.org)}, valid for ${formatTtl(config.ttlSeconds)}.`);
  let token: CreatedServiceToken;
  try {
    token = await createServiceToken(client, config.org, { name, ttlSeconds: config.ttlSeconds });
  } catch (error) {
    runner.error(explain(error, { kind: 'create', org: config.org }));
    await cleanUpFailedCreate(client, config.org, name, error);
    return 1;
  }
  // At once: from here on the ID and secret may appear in runner output only as ***.
  runner.setSecret(token.id);
  runner.setSecret(token.token);
  runner.saveState(STATE.id, token.id);
  const expiresAt = token.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
  runner.saveState(STATE.expiresAt, expiresAt);
  if (config.exportEnv) runner.saveState(STATE.sealedCredential, sealCredential(withoutSource(config.credential), token.token));

  try {
    const granted = await grantAll(client, config, token.id);
    handOver(config, name, token, expiresAt, granted);
    return 0;
  } catch (error) {
    runner.error(error instanceof StepFailure ? error.message : `Unexpected failure after minting: ${String(error)}`);
    await deleteAfterFailure(client, config.org, token.id, name, expiresAt);
    return 1;
  }
}

function withoutSource(credential: Config['credential']): Credential {
  return credential.kind === 'api-token' ? { kind: 'api-token', token: credential.token } : { kind: 'service-token', id: credential.id, token: credential.token };
}

/**
 * A create call that failed may still have made a token: when the answer was lost (network
 * error, timeout), PlanetScale failed after acting (5xx), or the answer was unusable. Such a
 * token is found by its unique name and deleted, so a failed step leaves nothing alive.
 */
async function cleanUpFailedCreate(client: PlanetScaleClient, org: string, name: string, error: unknown): Promise<void> {
  const surelyNothing = error instanceof PlanetScaleApiError && error.status < 500;
  if (surelyNothing) {
    runner.saveState(STATE.settled, 'true');
    return;
  }
  if (error instanceof PlanetScaleResponseError && error.tokenId) {
    runner.setSecret(error.tokenId);
    const result = await removeToken(client, org, error.tokenId, name);
    if (result.ok) runner.saveState(STATE.settled, 'true');
    else runner.error(`Could not delete service token ${show(name)} after the failure: ${result.reason}`);
    return;
  }
  runner.info(`The create call may have reached PlanetScale: looking for a token named ${show(name)} to delete.`);
  const result = await removeTokensNamed(client, org, name);
  if (result.ok) {
    runner.saveState(STATE.settled, 'true');
    runner.info(result.removed > 0 ? `Deleted service token ${show(name)}, created before the failure.` : 'No such token exists: nothing was left alive.');
  } else {
    runner.warning(`${result.reason} If the token was created, it stays valid until its TTL ends; the post step will look again.`);
  }
}

/**
 * Inputs that hold credentials are masked before anything else is printed, even before they
 * are validated: a malformed credential is still a secret.
 */
function maskCredentialInputs(env: NodeJS.ProcessEnv): void {
  for (const input of ['service-token-id', 'service-token', 'api-token']) runner.setSecret(runner.getInput(input));
  for (const variable of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN']) runner.setSecret((env[variable] ?? '').trim());
}

/** One grant call per database plus one for the organization, all at once: they are independent. */
async function grantAll(client: PlanetScaleClient, config: Config, tokenId: string): Promise<GrantedAccess[]> {
  const results = await Promise.allSettled(
    config.requests.map((request) =>
      grantAccesses(client, config.org, tokenId, request.resourceType === 'Organization' ? '' : request.resourceName, request.accesses),
    ),
  );
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [explain(result.reason, { kind: 'grant', org: config.org, request: config.requests[i]! })] : [],
  );
  if (failures.length > 0) throw new StepFailure(failures.join('\n'));

  const granted = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
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

function describeRequest(request: AccessRequest): string {
  return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${show(request.resourceName)}`;
}

/** Outputs, env for later steps, log and summary. */
function handOver(config: Config, name: string, token: CreatedServiceToken, expiresAt: string, granted: GrantedAccess[]): void {
  const grouped = groupGranted(granted);
  runner.setOutput('service-token-id', token.id);
  runner.setOutput('service-token', token.token);
  runner.setOutput('name', name);
  runner.setOutput('expires-at', expiresAt);
  runner.setOutput('accesses', JSON.stringify(grouped));

  const variables = config.exportEnv ? envForLaterSteps(config, token) : {};
  for (const [variable, value] of Object.entries(variables)) runner.exportVariable(variable, value);
  const exported = Object.keys(variables);

  for (const g of grouped) runner.info(`Granted on ${g.resource_type.toLowerCase()} ${show(g.resource_name)}: ${g.accesses.join(', ')}`);
  runner.info(
    `Service token ${show(name)} is ready; it expires at ${expiresAt}.` +
      (exported.length > 0 ? ` Exported ${exported.join(', ')} for later steps.` : ''),
  );
  runner.appendSummary(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup }));
}

/** The variables pscale reads, as later steps get them. */
export function envForLaterSteps(config: Pick<Config, 'org' | 'apiUrl'>, token: Pick<CreatedServiceToken, 'id' | 'token'>): Record<string, string> {
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
    runner.saveState(STATE.settled, 'true');
    runner.info(`Deleted service token ${show(name)} after the failure, so nothing is left alive.`);
  } else {
    runner.error(
      `Could not delete service token ${show(name)} after the failure: ${result.reason} ` +
        `The post step will try again; if it cannot, the token stays valid until ${expiresAt}.`,
    );
  }
}

export function formatTtl(seconds: number): string {
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
