// Entry point of the main step (runs.main). See mint.ts.
//
// Cancellation: the runner sends SIGINT (job cancelled, step timeout), then SIGTERM 7.5 s later,
// then kills 2.5 s after that. Either signal aborts what is in flight; mint then deletes the
// token if one exists and the step fails.
import { mint } from './mint.js';
import { error, info } from './runner.js';
import { errorMessage } from './text.js';

const cancel = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (cancel.signal.aborted) return info(`Received ${signal}: still cleaning up.`);
  info(`Received ${signal}: the job is being cancelled; stopping, and deleting the token if one exists.`);
  cancel.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await mint(process.env, cancel.signal).catch((e: unknown) => {
  error(`Unexpected failure: ${errorMessage(e)}`);
  return 1;
});
