// The two protections @actions/core does not give, as a thin layer over it: everything else goes
// to core directly (https://github.com/actions/toolkit/tree/main/packages/core).

import * as core from '@actions/core';

// node:crypto is loaded on first use, as in token/name.ts: a step that prints nothing risky
// need not load it.
const randomUUID = (): string => process.getBuiltinModule('node:crypto').randomUUID();

/**
 * A plain log line (core.info). The runner reads a line as a command when it starts with `::`
 * (after white space) or holds `##[` (the old syntax); text that could do either is printed
 * between ::stop-commands:: markers, so names and API messages we print can never issue a
 * command. Any `::` counts, wherever it is: the runner also ends a line at a lone CR, and trims
 * white space .NET's way (U+0085 included), so "starts a line" is not something to decide here.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#stopping-and-starting-workflow-commands
 */
export function info(message: string): void {
  if (!message.includes('::') && !message.includes('##[')) {
    core.info(message);
    return;
  }
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(message);
  core.info(`::${token}::`);
}

/** core.setSecret, except for an empty value: the runner warns about a blank mask, and it masks nothing. */
export function setSecret(value: string): void {
  if (value) core.setSecret(value);
}

/**
 * Appends to the job summary. The summary is a report, not the job's result: a summary file that
 * cannot be written (none outside a runner) is a warning, never a failed step after a mint.
 */
export async function appendSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, !markdown.endsWith('\n')).write();
  } catch (e) {
    core.summary.emptyBuffer();
    core.warning(`Could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}
