// The post step's run() (runs.post, through src/post-index.ts; also what @github/local-action
// calls). The step's logic is in steps/post/cleanup.ts.
//
// Many posts have nothing to do (main failed validation, already deleted its token, or cleanup
// is false). That is decided from state alone (steps/post/plan.ts); cleanup.ts, with the API client
// and node:crypto, is imported only when there is a call to make, so every other job skips
// loading it (ncc emits it as a chunk next to index.js).
import * as core from '@actions/core';
import { readPostWork } from './steps/post/plan.js';
import { info } from './runner/log.js';
import { errorMessage } from './report/text.js';

export async function run(): Promise<void> {
  // The runner does not cancel post steps; should a signal come anyway, finishing the deletion
  // (bounded by cleanup's deadline) is what leaves nothing alive.
  const onSignal = (signal: NodeJS.Signals) => info(`Received ${signal}: finishing the cleanup first.`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const work = readPostWork(core.getState);
    // A token left alive on purpose is worth seeing on the run's page, not only in the log.
    if (work.message && work.note === 'kept') core.notice(work.message, { title: 'PlanetScale token kept' });
    else if (work.message) info(work.message);
    if (work.credentialMessage && work.credentialMessage !== work.message) info(work.credentialMessage);
    try {
      if (work.hasWork) {
        const { cleanup } = await import('./steps/post/cleanup.js');
        if ((await cleanup(work)) !== 0) process.exitCode = core.ExitCode.Failure;
      }
    } finally {
      // After the deletion, which may need the minted secret still in env to open the minting token.
      if (work.restoreEnv) (await import('./steps/post/restore-env.js')).restoreEnv();
    }
  } catch (e) {
    core.setFailed(`Unexpected failure: ${errorMessage(e)}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
