// Handing the minted token to later steps: outputs, exported env, log and job summary.

import * as core from '@actions/core';
import { DEFAULT_API_URL, type Config } from '../../inputs/config.js';
import type { CreatedServiceToken, GrantedAccess } from '../../planetscale/service-tokens.js';
import { mintSummary } from '../../report/summary.js';
import { show } from '../../report/text.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';
import { sealEnv } from '../../state/seal.js';
import { groupGranted } from '../../token/grants.js';
import { MINTED_MARKER, mintedMarker, valuesBefore } from '../env-handover.js';

/** Outputs, env for later steps, log and summary. */
export async function handOver(
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
