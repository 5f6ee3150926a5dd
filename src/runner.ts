// The GitHub runner's interface, as the runner (https://github.com/actions/runner) and @actions/core implement it: inputs from INPUT_*,
// state from STATE_*, workflow commands on stdout, and the file commands (GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY).
//
// Why not @actions/core: bundled, it costs ~55 ms of start-up on every step of every job that
// uses this action (it pulls in @actions/http-client, undici and @actions/exec for OIDC and
// platform helpers we never call). The part we use is this file.

import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

// node:crypto is loaded on first use, as in token-name.ts: importing it here would load it (~5 ms)
// in every step, even one that never writes a file command.
const randomUUID = (): string => process.getBuiltinModule('node:crypto').randomUUID();

/** An input as the runner passes it: INPUT_<NAME>, spaces to `_`, upper-cased, hyphens kept; trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function isDebug(): boolean {
  return process.env['RUNNER_DEBUG'] === '1';
}

// Workflow-command escaping, as the runner unescapes it. Escaping CR and LF is what keeps a value
// with a newline from starting a line of its own, which could then be read as a command.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function issueCommand(command: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** Registers a secret: the runner shows *** for it in every log line printed afterwards. */
export function setSecret(value: string): void {
  if (value) issueCommand('add-mask', value);
}

/**
 * A plain log line. The runner reads a line as a command when it starts with `::` (after white
 * space) or holds `##[` (the old syntax); text that could do either is printed between
 * ::stop-commands:: markers, so names and API messages we print can never issue a command.
 * Any `::` counts, wherever it is: the runner also ends a line at a lone CR, and trims white space
 * .NET's way (U+0085 included), so "starts a line" is not something to decide here.
 */
export function info(message: string): void {
  const risky = message.includes('::') || message.includes('##[');
  if (!risky) {
    process.stdout.write(message + EOL);
    return;
  }
  const token = randomUUID();
  process.stdout.write(`::stop-commands::${token}${EOL}${message}${EOL}::${token}::${EOL}`);
}

export function debug(message: string): void {
  issueCommand('debug', message);
}

export function warning(message: string): void {
  issueCommand('warning', message);
}

export function error(message: string): void {
  issueCommand('error', message);
}

function appendFileCommand(variable: string, name: string, value: string): void {
  const path = process.env[variable];
  if (!path) {
    throw new Error(`${variable} is not set: this action must run on a GitHub Actions runner`);
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  // A value containing the delimiter would end the heredoc early and inject the rest.
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the value of ${name} contains the file-command delimiter`);
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export function setOutput(name: string, value: string): void {
  appendFileCommand('GITHUB_OUTPUT', name, value);
}

export function saveState(name: string, value: string): void {
  appendFileCommand('GITHUB_STATE', name, value);
}

/** Sets the variable for later steps (and for the rest of this process). */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  appendFileCommand('GITHUB_ENV', name, value);
}

export function appendSummary(markdown: string): void {
  const path = process.env['GITHUB_STEP_SUMMARY'];
  if (path) appendFileSync(path, markdown.endsWith(EOL) ? markdown : markdown + EOL, 'utf8');
}
