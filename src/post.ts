// Entry point of the post step (runs.post). See cleanup.ts.
import { cleanup } from './cleanup.js';
import { error, info } from './runner.js';

// The runner does not cancel post steps; should a signal come anyway, finishing the deletion
// (bounded by cleanup's deadline) is what leaves nothing alive.
const onSignal = (signal: NodeJS.Signals) => info(`Received ${signal}: finishing the cleanup first.`);
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await cleanup().catch((e: unknown) => {
  error(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
});
