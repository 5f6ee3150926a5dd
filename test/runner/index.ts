// Runs an action's built entry points exactly as the GitHub runner does (shared/runner/CONTRACT.md):
// `node <absolute path of runs.main|runs.post>` with cwd = workspace, a clean env with the
// runner's GITHUB_* variables, every input as INPUT_<NAME> (default or ""), fresh file-command
// files per step, STATE_* into post, and masks collected from ::add-mask::.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { applyMasks, parseFileCommand, parseWorkflowCommand, type WorkflowCommand } from './file-commands.ts';

export { applyMasks, parseFileCommand, parseWorkflowCommand } from './file-commands.ts';

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr lines in arrival order, unmasked. */
  lines: string[];
  /** The log as the user sees it: commands consumed, masks (registered before each line) applied. */
  maskedLog: string;
  commands: WorkflowCommand[];
  errors: string[];
  warnings: string[];
  debugs: string[];
  /** Values registered by ::add-mask:: in this step. */
  masks: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** This step's GITHUB_ENV additions. */
  env: Record<string, string>;
  summary: string;
  files: { output: string; state: string; env: string; path: string; summary: string };
}

export interface RunStepOptions {
  actionDir: string;
  step: 'main' | 'post';
  /** By input name as in action.yml; missing ones get action.yml's default or "". */
  inputs?: Record<string, string>;
  /** Job env (and GITHUB_ENV from earlier steps). */
  env?: Record<string, string>;
  /** Becomes STATE_<key>. */
  state?: Record<string, string>;
  debug?: boolean;
  /** Masks registered earlier in the job (they apply to this step's log too). */
  jobMasks?: string[];
  /** Cancellation: SIGINT after this many ms, then SIGTERM and kill as the runner escalates. */
  cancelAfterMs?: number;
  /** Runner escalation delays; the runner's are 7500 ms (SIGINT to SIGTERM) and 2500 ms (to kill). */
  graceMs?: { term: number; kill: number };
  timeoutMs?: number;
  nodePath?: string;
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown }>;
  runs: { main: string; post?: string };
}

export function readAction(actionDir: string): ActionYaml {
  return parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionYaml;
}

/** The runner's INPUT_ name: spaces to `_`, upper-cased, hyphens kept. */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export async function runStep(options: RunStepOptions): Promise<StepResult> {
  const action = readAction(options.actionDir);
  const entry = options.step === 'main' ? action.runs.main : action.runs.post;
  if (!entry) throw new Error(`action.yml has no runs.${options.step}`);
  const temp = mkdtempSync(join(tmpdir(), 'runner-'));
  const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
  const files = {
    output: join(temp, 'output'),
    state: join(temp, 'state'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
    summary: join(temp, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'migrate',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION: '__self',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...options.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
  };
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    env[inputVariable(name)] = options.inputs?.[name] ?? (spec?.default === undefined ? '' : String(spec.default));
  }
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value;

  const started = performance.now();
  const child = spawn(options.nodePath ?? process.execPath, [resolve(options.actionDir, entry)], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stdout = '';
  let stderr = '';
  const pending = { stdout: '', stderr: '' };
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (stream === 'stdout') stdout += text;
    else stderr += text;
    const parts = (pending[stream] + text).split(/\r?\n/);
    pending[stream] = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout.on('data', collect('stdout'));
  child.stderr.on('data', collect('stderr'));

  const timers: NodeJS.Timeout[] = [];
  const grace = options.graceMs ?? { term: 7500, kill: 2500 };
  if (options.cancelAfterMs !== undefined) {
    timers.push(
      setTimeout(() => {
        child.kill('SIGINT');
        timers.push(
          setTimeout(() => {
            child.kill('SIGTERM');
            timers.push(setTimeout(() => child.kill('SIGKILL'), grace.kill));
          }, grace.term),
        );
      }, options.cancelAfterMs),
    );
  }
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000));

  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig])),
  );
  for (const timer of timers) clearTimeout(timer);
  for (const rest of [pending.stdout, pending.stderr]) if (rest) lines.push(rest);
  const durationMs = performance.now() - started;

  const read = (file: string) => readFileSync(file, 'utf8');
  const raw = { output: read(files.output), state: read(files.state), env: read(files.env), path: read(files.path), summary: read(files.summary) };
  // The runner deletes a step's files once processed; so do we.
  rmSync(temp, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
  const errors: string[] = [];
  let failedByRunner = false;
  const parseOrFail = (name: string, content: string): Record<string, string> => {
    try {
      return parseFileCommand(content);
    } catch (error) {
      errors.push(`runner: ${name}: ${(error as Error).message}`);
      failedByRunner = true;
      return {};
    }
  };
  const outputs = parseOrFail('GITHUB_OUTPUT', raw.output);
  const state = parseOrFail('GITHUB_STATE', raw.state);
  const envAdded = parseOrFail('GITHUB_ENV', raw.env);
  if ('NODE_OPTIONS' in envAdded) {
    errors.push('runner: GITHUB_ENV: NODE_OPTIONS may not be set');
    failedByRunner = true;
  }
  if (Buffer.byteLength(raw.summary) > 1024 * 1024) {
    errors.push('runner: GITHUB_STEP_SUMMARY is over 1 MiB');
    failedByRunner = true;
  }

  // Walk the log as the runner does: commands are consumed, masks apply from their line on.
  const masks: string[] = [];
  const activeMasks = [...(options.jobMasks ?? [])];
  const commands: WorkflowCommand[] = [];
  const shown: string[] = [];
  // Between ::stop-commands::TOKEN and ::TOKEN:: the runner processes no command.
  let stoppedUntil: string | undefined;
  lines.forEach((line, index) => {
    let command = parseWorkflowCommand(line, index);
    if (stoppedUntil !== undefined) {
      if (line.trim() === stoppedUntil) {
        stoppedUntil = undefined;
        return;
      }
      command = undefined;
    } else if (command?.command === 'stop-commands') {
      stoppedUntil = `::${command.message}::`;
      return;
    }
    if (command?.command === 'add-mask') {
      masks.push(command.message);
      activeMasks.push(command.message);
    }
    if (command) commands.push(command);
    const visible = renderLine(line, command, Boolean(options.debug));
    if (visible !== undefined) shown.push(applyMasks(visible, activeMasks));
  });
  const messages = (name: string) => commands.filter((c) => c.command === name).map((c) => c.message);

  return {
    exitCode: failedByRunner && exitCode === 0 ? 1 : exitCode,
    signal,
    durationMs,
    stdout,
    stderr,
    lines,
    maskedLog: shown.join('\n'),
    commands,
    errors: [...messages('error'), ...errors],
    warnings: messages('warning'),
    debugs: messages('debug'),
    masks,
    outputs,
    state,
    env: envAdded,
    summary: applyMasks(raw.summary, activeMasks),
    files: raw,
  };
}

/** How the runner shows a line: commands as their annotations, ::add-mask:: not at all. */
function renderLine(line: string, command: WorkflowCommand | undefined, debug: boolean): string | undefined {
  if (!command) return line;
  switch (command.command) {
    case 'add-mask':
      return undefined;
    case 'debug':
      return debug ? `##[debug]${command.message}` : undefined;
    case 'error':
      return `Error: ${command.message}`;
    case 'warning':
      return `Warning: ${command.message}`;
    case 'notice':
      return `Notice: ${command.message}`;
    default:
      return line;
  }
}

export interface JobResult {
  main: StepResult;
  post: StepResult;
  /** All masks registered in the job. */
  masks: string[];
}

/**
 * Main, then post as the runner chains them: post gets main's state as STATE_*, main's GITHUB_ENV
 * on top of the job env, the same inputs (evaluated again, so `postInputs` may differ), and the
 * masks main registered. Post runs even when main failed (post-if: always()).
 */
export async function runJob(options: Omit<RunStepOptions, 'step' | 'state'> & { postInputs?: Record<string, string> }): Promise<JobResult> {
  const main = await runStep({ ...options, step: 'main' });
  const post = await runStep({
    ...options,
    cancelAfterMs: undefined,
    step: 'post',
    inputs: options.postInputs ?? options.inputs,
    env: { ...options.env, ...main.env },
    state: main.state,
    jobMasks: [...(options.jobMasks ?? []), ...main.masks],
  });
  return { main, post, masks: [...main.masks, ...post.masks] };
}
