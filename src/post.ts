// Entry point of the post step (runs.post). See cleanup.ts.
//
// Many posts have nothing to do (main failed validation, already deleted its token, or cleanup
// is false). That is decided from state alone (cleanup-plan.ts); cleanup.ts, with the API client
// and node:crypto, is imported only when there is a call to make, so every other job skips
// loading it (ncc emits it as a chunk next to index.js).
import { readPostWork } from './cleanup-plan.js';
import { error, getState, info } from './runner.js';
import { errorMessage } from './text.js';

// The runner does not cancel post steps; should a signal come anyway, finishing the deletion
// (bounded by cleanup's deadline) is what leaves nothing alive.
const onSignal = (signal: NodeJS.Signals) => info(`Received ${signal}: finishing the cleanup first.`);
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function post(): Promise<number> {
  const work = readPostWork(getState);
  if (work.message) info(work.message);
  try {
    return work.hasWork ? await (await import('./cleanup.js')).cleanup(work) : 0;
  } finally {
    // After the deletion, which may need the minted secret still in env to open the minting credential.
    if (work.restoreEnv) (await import('./restore-env.js')).restoreEnv();
  }
}

process.exitCode = await post().catch((e: unknown) => {
  error(`Unexpected failure: ${errorMessage(e)}`);
  return 1;
});
