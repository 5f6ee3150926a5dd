// Handing the minted token to later steps: outputs, exported env, log and job summary.

import * as core from '@actions/core';
import { DEFAULT_API_URL, type Config } from '../../inputs/config.js';
import type { CreatedServiceToken, GrantedAccess } from '../../planetscale/service-tokens.js';
import { credentialSummary, mintSummary } from '../../report/summary.js';
import { describeCredential } from '../../credentials/target.js';
import type { MintedCredential } from './mint-credential.js';
import { show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';
import { sealEnv } from '../../state/seal.js';
import { groupGranted } from '../../token/grants.js';
import { MINTED_MARKER, mintedMarker, valuesBefore } from '../env-handover.js';

/** A token minted and granted. */
export interface MintedToken {
  token: CreatedServiceToken & { expiresAt: string };
  granted: GrantedAccess[];
}

/** Outputs, env for later steps, log and summary, for the token and the credential minted. */
export async function handOver(
  config: Config,
  name: string,
  minted: MintedToken | undefined,
  credential: MintedCredential | undefined,
  runUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  // Only what was handed over may outlive the job (cleanup: false): what main failed to
  // delete after a failure is never kept, so post deletes it whatever cleanup says.
  core.saveState(STATE.cleanup, String(config.cleanup));
  const summary: string[] = [];
  if (credential) {
    const { created, connection, target } = credential;
    core.setOutput('database-url', connection.url);
    core.setOutput('database-host', connection.host);
    core.setOutput('database-port', String(connection.port));
    core.setOutput('database-username', created.username);
    core.setOutput('database-password', created.password);
    const urlEnv = config.exportEnv ? config.databaseCredential!.urlEnv : '';
    if (urlEnv) core.exportVariable(urlEnv, connection.url);
    const expires = created.expiresAt ? `; it expires at ${created.expiresAt}` : '';
    log.info(
      `${capitalize(describeCredential(target))} on branch ${show(target.branch)} of database ${show(target.database)} is ready ` +
        `(${connection.host}:${connection.port}, user ${show(created.username)})${expires}.${urlEnv ? ` Exported ${urlEnv} for later steps.` : ''}`,
    );
    summary.push(
      credentialSummary({
        what: describeCredential(target),
        database: target.database,
        branch: target.branch,
        roles: credential.roles,
        expiresAt: created.expiresAt,
        cleanup: config.cleanup,
      }),
    );
  }
  if (minted) await handOverToken(config, name, minted, runUrl, env, summary);
  else await log.appendSummary(summary.join('\n'));
}

async function handOverToken(
  config: Config,
  name: string,
  { token, granted }: MintedToken,
  runUrl: string,
  env: NodeJS.ProcessEnv,
  summary: string[],
): Promise<void> {
  const { expiresAt } = token;
  const grouped = groupGranted(granted);
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
  summary.unshift(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup, runUrl }));
  await log.appendSummary(summary.join('\n'));
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
