// The main step's run() (runs.main, through src/index.ts; also what @github/local-action calls).
// The step's logic is in steps/main/mint.ts.
//
// Cancellation: the runner sends SIGINT (job cancelled, step timeout), then SIGTERM 7.5 s later,
// then kills 2.5 s after that. Either signal aborts what is in flight; mint then deletes the
// token if one exists and the step fails.
import * as core from '@actions/core';
import { context } from '@actions/github';
import { info } from './runner/log.js';
import { mint } from './steps/main/mint.js';
import { runInfoFrom } from './runner/run-context.js';
import { errorMessage } from './report/text.js';

export async function run(): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return info(`Received ${signal}: still cleaning up.`);
    info(`Received ${signal}: the job is being cancelled; stopping, and deleting the token if one exists.`);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // mint reports its own failures (one error per problem); only the exit code is left to set.
    if ((await mint(runInfoFrom(context), process.env, cancel.signal)) !== 0) process.exitCode = core.ExitCode.Failure;
  } catch (e) {
    core.setFailed(`Unexpected failure: ${errorMessage(e)}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
