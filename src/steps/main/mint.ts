// The main step: mask the credential inputs, read and check all inputs, then mint (mint-token.ts).
// That part, and undici with it, is loaded only for valid inputs: a run refused for bad input
// loads no HTTP code.
import * as core from '@actions/core';
import { exportedByEarlierUse, mintedByEarlierUse } from '../env-handover.js';
import { parseInputs } from '../../inputs/config.js';
import { RENAMED_INPUTS } from '../../inputs/action-inputs.js';
import * as log from '../../runner/log.js';
import { formatInputError } from '../../inputs/parsed.js';
import { readInput } from '../../runner/read-input.js';
import { STATE } from '../../state/keys.js';
import { untrustedEventWarning, type RunInfo } from '../../runner/run-context.js';

/** Runs the main step; resolves to the process exit code. `cancel` aborts with the signal's name. */
export async function mint(run: RunInfo, env: NodeJS.ProcessEnv = process.env, cancel?: AbortSignal): Promise<number> {
  const started = Date.now();
  let cancelledAt = Date.now();
  cancel?.addEventListener('abort', () => (cancelledAt = Date.now()), { once: true });
  claimState();
  maskCredentialInputs(env);
  const parsed = parseInputs(readInput, env, run, { envFromEarlierUse: exportedByEarlierUse(env) });
  if (!parsed.ok) {
    for (const e of parsed.errors) core.error(formatInputError(e), { title: `Input ${e.input}` });
    return 1;
  }
  const config = parsed.value;
  for (const notice of config.notices) core.notice(notice);
  const earlierUse = mintedByEarlierUse(config.credential, env);
  if (earlierUse) {
    core.error(earlierUse);
    return 1;
  }
  const untrusted = untrustedEventWarning(run.eventName);
  if (untrusted) core.warning(untrusted, { title: `Token minted in ${run.eventName}` });
  const { mintToken } = await import('./mint-token.js');
  return mintToken(config, run, env, { started, cancel, cancelledAt: () => cancelledAt });
}

/**
 * Every key post reads is written, empty, before anything else. The runner passes post only the
 * keys main saved, as STATE_* on top of the job's env, and that env takes what any step writes to
 * GITHUB_ENV: a key main never wrote could come from there, and steer post.
 */
function claimState(): void {
  for (const key of Object.values(STATE)) core.saveState(key, '');
}

/**
 * Inputs that hold credentials are masked before anything else is printed, even before they
 * are validated: a malformed credential is still a secret.
 */
function maskCredentialInputs(env: NodeJS.ProcessEnv): void {
  // The renamed inputs too: a workflow still giving them passes the minting token in them.
  for (const input of ['minting-token-id', 'minting-token', 'api-token', ...Object.keys(RENAMED_INPUTS)]) log.setSecret(readInput(input));
  for (const variable of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN']) log.setSecret((env[variable] ?? '').trim());
}
