// Runs a node action's built entry points the way the GitHub Actions runner does
// (see https://github.com/actions/runner and test/harness/README.md): clean environment, INPUT_* for every declared input,
// fresh file-command files per step, workflow commands and masking on stdout/stderr,
// file commands processed after exit, STATE_* / GITHUB_ENV / GITHUB_PATH carried from main to post,
// cancellation as SIGINT → (7.5 s) SIGTERM → (2.5 s) kill of the process tree.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { inputEnvName, readNodeActionManifest } from './action-manifest.ts';
import {
  SET_ENV_BLOCK_LIST,
  STEP_SUMMARY_LIMIT_BYTES,
  pairsToRecord,
  parseFileCommandPairs,
  parsePathFile,
  stripBom,
} from './file-commands.ts';
import { SecretMasker } from './masker.ts';
import { REGISTERED_COMMANDS, parseCommandLine } from './workflow-commands.ts';
import type { WorkflowCommand } from './workflow-commands.ts';

export interface StepResult {
  /** Exit code of the step as the runner judges it: the process's code, but 1 when the process
   *  exited 0 and the runner failed the step (bad file command, failed workflow command, …).
   *  null when the process was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** stdout+stderr lines in arrival order, unmasked. Lines end at "\n", "\r\n" or a lone "\r" (as .NET ReadLine). */
  lines: string[];
  /** The log as a user sees it, lines joined by "\n": plain lines masked with the masks registered before them;
   *  commands rendered as the runner does (`##[error]msg`, `##[warning]msg`, `##[notice]msg`, `##[group]t`,
   *  `##[endgroup]`, `##[debug]msg` only with debug); `::add-mask::` lines never appear; the runner's own
   *  errors/warnings appear as `##[error]…` / `##[warning]…`. */
  maskedLog: string;
  commands: WorkflowCommand[];
  /** Messages of ::error:: commands, then the runner's own errors (e.g. "Unable to process file command 'output' successfully."). */
  errors: string[];
  /** Messages of ::warning:: commands and the runner's own warnings (unexpected inputs, deprecated commands, blank add-mask). */
  warnings: string[];
  notices: string[];
  debugs: string[];
  /** Values registered by ::add-mask:: in this step (unescaped, first-seen order, blank ones refused). */
  masks: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** GITHUB_ENV additions of this step (NODE_OPTIONS, which the runner refuses, left out). */
  env: Record<string, string>;
  /** GITHUB_PATH entries in file order (the runner prepends them to PATH last-first). */
  path: string[];
  /** GITHUB_STEP_SUMMARY as uploaded: masked line by line; "" when empty or over the 1 MiB limit. */
  summary: string;
  /** Raw file contents. */
  files: { output: string; state: string; env: string; path: string; summary: string };

  // ---- additions beyond the agreed interface ----
  /** The process's own exit code (exitCode before the runner's verdict). */
  processExitCode: number | null;
  /** Whether the runner would mark the step failed (non-zero exit, signal, or a runner-side failure). */
  failed: boolean;
  /** signalAfterMs fired (the step was cancelled). */
  cancelled: boolean;
  /** timeoutMs elapsed and the harness killed the process group. */
  timedOut: boolean;
  /** Signals the harness sent, with the time since spawn. */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[];
  /** The environment the process was started with. */
  processEnv: Record<string, string>;
  /** Command line as run: [nodePath, absolute script path]. */
  argv: [string, string];
  workspace: string;
  runnerTemp: string;
}

export interface RunStepOptions {
  actionDir: string;
  step: 'main' | 'post';
  /** By input name as in action.yml; missing ones get action.yml's default or "". Undeclared ones are passed too, with the runner's warning. */
  inputs?: Record<string, string>;
  /** Extra env (job-level env). Overrides the harness's GITHUB_* / RUNNER_* values; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Becomes STATE_<key>. */
  state?: Record<string, string>;
  /** RUNNER_DEBUG=1, `##[debug]` lines shown, commands echoed (as with ACTIONS_STEP_DEBUG). */
  debug?: boolean;
  /** Kill the process group after this long (default 30000); the step then fails with a harness error. */
  timeoutMs?: number;
  /** Cancellation: send `signal` after `afterMs`; after SIGINT, SIGTERM follows `graceMs.sigterm` later and a
   *  kill of the process group `graceMs.kill` after that; after SIGTERM (or another signal) the kill follows `graceMs.kill` later. */
  signalAfterMs?: {
    signal: NodeJS.Signals;
    afterMs: number;
    /**
     * Count afterMs from this moment, not from spawn: when the promise resolves (e.g. the API saw
     * the call to cancel in), or when a line of the step's output matches. A fixed time from
     * spawn would race the process's start on a busy machine.
     */
    after?: Promise<unknown> | RegExp;
  };
  nodePath?: string;
  workspace?: string;

  // ---- additions beyond the agreed interface ----
  /** Escalation delays, default the runner's: { sigterm: 7500, kill: 2500 }. Only for faster tests. */
  graceMs?: { sigterm?: number; kill?: number };
  /** Masks registered earlier in the job (e.g. by main, or secrets); they mask this step's log from the start. */
  masks?: string[];
  /** RUNNER_TEMP to use (default: a fresh temp dir). */
  runnerTemp?: string;
  /** Keep the temp dirs the harness created (workspace, RUNNER_TEMP); they are removed by default. */
  keepTemp?: boolean;
}

export interface RunJobOptions extends Omit<RunStepOptions, 'step' | 'state'> {
  postInputs?: Record<string, string>;
  skipPost?: boolean;
}

export interface JobResult {
  main: StepResult;
  post?: StepResult;
  /** All masks of the job: options.masks, then main's, then post's. */
  masks: string[];
}

/** Fixed values of the runner-provided GITHUB_* / RUNNER_* variables. */
export const HARNESS_GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  CI: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'migrate',
  GITHUB_WORKFLOW: 'ci',
  GITHUB_SHA: '4f2a9c1e7b3d5a6f8e0c2b4d6a8f0e1c3b5d7a9f',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTION: '__self',
  RUNNER_OS: 'Linux',
} as const;

export const DEFAULT_TIMEOUT_MS = 30_000;
export const SIGINT_TO_SIGTERM_MS = 7_500;
export const SIGTERM_TO_KILL_MS = 2_500;

const DEPRECATED_COMMAND =
  'The `%s` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/';
const DISABLED_COMMAND =
  'The %s command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/';
const BAD_STOP_TOKEN =
  "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.";
const SUMMARY_TOO_BIG =
  '$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of %sk, got %sk. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary';

const fmt = (template: string, ...args: (string | number)[]): string => {
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++]));
};
const dotnetBool = (v: string | undefined): boolean => (v ?? '').trim().toLowerCase() === 'true';

// ---------------------------------------------------------------------------------------------
// Process groups still alive (orphans of a step), killed when the test process exits.
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const g of liveGroups) killGroup(g);
    });
  }
}
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  liveGroups.delete(pid);
}

/** Splits a byte stream into lines the way .NET StreamReader.ReadLine does ("\n", "\r\n", lone "\r"). */
export class LineSplitter {
  #decoder = new StringDecoder('utf8');
  #buf = '';
  #onLine: (line: string) => void;
  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }
  write(chunk: Buffer): void {
    this.#feed(this.#decoder.write(chunk));
  }
  end(): void {
    this.#feed(this.#decoder.end());
    let rest = this.#buf;
    this.#buf = '';
    if (rest.endsWith('\r')) rest = rest.slice(0, -1);
    else if (rest === '') return;
    this.#onLine(rest);
  }
  #feed(s: string): void {
    const text = this.#buf + s;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        this.#onLine(text.slice(start, i));
        start = i + 1;
      } else if (c === '\r') {
        if (i + 1 >= text.length) break; // can't tell "\r" from "\r\n" yet
        this.#onLine(text.slice(start, i));
        if (text[i + 1] === '\n') i++;
        start = i + 1;
      }
    }
    this.#buf = text.slice(start);
  }
}

interface Dirs {
  workspace: string;
  runnerTemp: string;
  created: string[];
}

function prepareDirs(o: { workspace?: string; runnerTemp?: string }): Dirs {
  const created: string[] = [];
  let workspace = o.workspace;
  if (workspace === undefined) {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gha-harness-workspace-'));
    created.push(workspace);
  } else {
    workspace = path.resolve(workspace);
    fs.mkdirSync(workspace, { recursive: true });
  }
  let runnerTemp = o.runnerTemp;
  if (runnerTemp === undefined) {
    runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'gha-harness-runner-temp-'));
    created.push(runnerTemp);
  } else {
    runnerTemp = path.resolve(runnerTemp);
    fs.mkdirSync(runnerTemp, { recursive: true });
  }
  return { workspace, runnerTemp, created };
}

function removeDirs(dirs: Dirs, keep: boolean | undefined): void {
  if (keep) return;
  for (const d of dirs.created) fs.rmSync(d, { recursive: true, force: true });
}

interface StepInternals {
  workspace: string;
  runnerTemp: string;
  /** Leave the process group alive after the step (runJob kills it when the job ends). */
  keepOrphans: boolean;
  onGroup?: (pid: number) => void;
}

/** Runs one step (main or post) of the action at o.actionDir as the runner would. */
export async function runStep(o: RunStepOptions): Promise<StepResult> {
  const dirs = prepareDirs(o);
  try {
    return await execStep(o, { workspace: dirs.workspace, runnerTemp: dirs.runnerTemp, keepOrphans: false });
  } finally {
    removeDirs(dirs, o.keepTemp);
  }
}

/** Evaluates the post-if forms the harness knows: always(), success(), failure(), cancelled(), !cancelled(). */
function postShouldRun(postIf: string, main: StepResult): boolean {
  let cond = postIf.trim();
  const m = /^\$\{\{(.*)\}\}$/s.exec(cond);
  if (m && m[1] !== undefined) cond = m[1].trim();
  switch (cond.replace(/\s+/g, '')) {
    case 'always()':
      return true;
    case 'success()':
      return !main.failed && !main.cancelled;
    case 'failure()':
      return main.failed && !main.cancelled;
    case 'cancelled()':
      return main.cancelled;
    case '!cancelled()':
      return !main.cancelled;
    default:
      throw new Error(`harness: post-if '${postIf}' is not supported`);
  }
}

/**
 * Runs main, then post as the runner would: post gets STATE_* from main's state, main's GITHUB_ENV on
 * top of the job env, main's GITHUB_PATH prepended to PATH, the same inputs (or postInputs), the same
 * workspace and RUNNER_TEMP, and main's masks. Post runs after a failed or cancelled main (post-if: always()).
 */
export async function runJob(o: RunJobOptions): Promise<JobResult> {
  const dirs = prepareDirs(o);
  const groups: number[] = [];
  try {
    const manifest = readNodeActionManifest(o.actionDir);
    const common = { workspace: dirs.workspace, runnerTemp: dirs.runnerTemp, keepOrphans: true, onGroup: (g: number) => groups.push(g) };
    const { postInputs, skipPost, ...stepOptions } = o;
    const main = await execStep({ ...stepOptions, step: 'main' }, common);
    const masks = [...(o.masks ?? []), ...main.masks];
    let post: StepResult | undefined;
    if (!skipPost && manifest.post !== undefined && postShouldRun(manifest.postIf, main)) {
      const env: Record<string, string | undefined> = { ...(o.env ?? {}), ...main.env };
      if (main.path.length > 0) {
        const base = 'PATH' in env ? env['PATH'] : process.env['PATH'];
        const prepend = [...main.path].reverse().join(path.delimiter);
        env['PATH'] = base ? prepend + path.delimiter + base : prepend;
      }
      post = await execStep(
        {
          ...stepOptions,
          step: 'post',
          env,
          state: main.state,
          inputs: postInputs ?? o.inputs,
          masks,
          // signalAfterMs cancels main; post runs to completion (the runner does not cancel post steps).
          signalAfterMs: undefined,
        },
        common,
      );
      masks.push(...post.masks);
    }
    const result: JobResult = { main, masks: [...new Set(masks)] };
    if (post) result.post = post;
    return result;
  } finally {
    for (const g of groups) killGroup(g);
    removeDirs(dirs, o.keepTemp);
  }
}

/** One use of the action in a job of several (runUses). */
export interface ActionUse {
  /** As in `with:`; a function of the job's env at that point models inputs that read `${{ env.… }}`,
   *  which the runner evaluates again for post. */
  inputs?: Record<string, string> | ((env: Record<string, string | undefined>) => Record<string, string>);
}

export interface RunUsesOptions extends Omit<RunStepOptions, 'step' | 'state' | 'inputs'> {
  uses: ActionUse[];
}

export interface UsesResult {
  mains: StepResult[];
  /** posts[i] is the post of uses[i] (undefined when it did not run); they ran last use first. */
  posts: (StepResult | undefined)[];
  /** The order the posts ran in, as indexes into uses. */
  postOrder: number[];
  /** The job's env after the last step: options.env with every step's GITHUB_ENV on top. */
  env: Record<string, string | undefined>;
  masks: string[];
}

/**
 * Several uses of the action in one job, as the runner runs them: the mains in order, then the
 * posts in reverse order. Every step, main or post, sees the job env with the GITHUB_ENV of every
 * step before it on top (the runner processes file commands after post steps too: a post's
 * GITHUB_ENV reaches the posts after it), the masks of every step before it, and its own main's
 * state. Inputs are evaluated again for each step. GITHUB_PATH is not carried between steps here.
 */
export async function runUses(o: RunUsesOptions): Promise<UsesResult> {
  const dirs = prepareDirs(o);
  const groups: number[] = [];
  try {
    const manifest = readNodeActionManifest(o.actionDir);
    const common = { workspace: dirs.workspace, runnerTemp: dirs.runnerTemp, keepOrphans: true, onGroup: (g: number) => groups.push(g) };
    const { uses, ...stepOptions } = o;
    let env: Record<string, string | undefined> = { ...(o.env ?? {}) };
    const masks = [...(o.masks ?? [])];
    const inputsOf = (use: ActionUse) => (typeof use.inputs === 'function' ? use.inputs(env) : use.inputs);
    const run = async (use: ActionUse, step: 'main' | 'post', state?: Record<string, string>) => {
      const result = await execStep(
        {
          ...stepOptions,
          step,
          env,
          state,
          inputs: inputsOf(use),
          masks: [...masks],
          ...(step === 'post' ? { signalAfterMs: undefined } : {}),
        },
        common,
      );
      env = { ...env, ...result.env };
      masks.push(...result.masks);
      return result;
    };
    const mains: StepResult[] = [];
    for (const use of uses) mains.push(await run(use, 'main'));
    const posts: (StepResult | undefined)[] = uses.map(() => undefined);
    const postOrder: number[] = [];
    for (let i = uses.length - 1; i >= 0; i--) {
      if (manifest.post === undefined || !postShouldRun(manifest.postIf, mains[i]!)) continue;
      posts[i] = await run(uses[i]!, 'post', mains[i]!.state);
      postOrder.push(i);
    }
    return { mains, posts, postOrder, env, masks: [...new Set(masks)] };
  } finally {
    for (const g of groups) killGroup(g);
    removeDirs(dirs, o.keepTemp);
  }
}

async function execStep(o: RunStepOptions, ctx: StepInternals): Promise<StepResult> {
  const manifest = readNodeActionManifest(o.actionDir);
  const entry = o.step === 'main' ? manifest.main : manifest.post;
  if (entry === undefined) throw new Error(`harness: ${manifest.file} has no runs.post`);
  const script = path.resolve(o.actionDir, entry);
  if (!fs.existsSync(script)) throw new Error(`harness: ${o.step} entry point ${script} does not exist (not built?)`);
  const nodePath = o.nodePath ?? process.execPath;

  // ---- file commands: fresh empty files per step, as FileCommandManager.InitializeFiles
  const fcDir = path.join(ctx.runnerTemp, '_runner_file_commands');
  fs.mkdirSync(fcDir, { recursive: true });
  const suffix = randomUUID();
  const filePaths = {
    path: path.join(fcDir, `add_path_${suffix}`),
    env: path.join(fcDir, `set_env_${suffix}`),
    summary: path.join(fcDir, `step_summary_${suffix}`),
    state: path.join(fcDir, `save_state_${suffix}`),
    output: path.join(fcDir, `set_output_${suffix}`),
  };
  for (const p of Object.values(filePaths)) fs.writeFileSync(p, '');

  // ---- log, commands, masks
  const masker = new SecretMasker();
  for (const m of o.masks ?? []) masker.addMask(m);
  const lines: string[] = [];
  /** Watches output lines for signalAfterMs.after when that is a pattern. */
  let lineSeen: ((line: string) => void) | undefined;
  const log: string[] = [];
  const commands: WorkflowCommand[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  const debugs: string[] = [];
  const masks: string[] = [];
  const outputPairs: [string, string][] = [];
  const statePairs: [string, string][] = [];
  const envPairs: [string, string][] = [];
  const pathAdds: string[] = [];
  let runnerFailed = false;
  const out = (s: string) => log.push(masker.mask(s));
  const runnerError = (msg: string) => {
    errors.push(msg);
    out(`##[error]${msg}`);
  };
  const runnerWarning = (msg: string) => {
    warnings.push(msg);
    out(`##[warning]${msg}`);
  };

  // ---- environment: PATH and HOME from ours, then the runner's variables, then options.env
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'HOME']) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  Object.assign(env, HARNESS_GITHUB_ENV, { GITHUB_WORKSPACE: ctx.workspace, RUNNER_TEMP: ctx.runnerTemp });
  if (o.debug) env['RUNNER_DEBUG'] = '1';
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // The file-command paths are the runner's github context; they always point at this step's files.
  Object.assign(env, {
    GITHUB_OUTPUT: filePaths.output,
    GITHUB_STATE: filePaths.state,
    GITHUB_ENV: filePaths.env,
    GITHUB_PATH: filePaths.path,
    GITHUB_STEP_SUMMARY: filePaths.summary,
  });
  for (const [k, v] of Object.entries(o.state ?? {})) env[`STATE_${k}`] = v;

  // Inputs: every declared one (given value, else default, else ""), plus undeclared given ones.
  const given = new Map<string, [string, string]>();
  for (const [k, v] of Object.entries(o.inputs ?? {})) given.set(k.toLowerCase(), [k, v]);
  const declared = Object.keys(manifest.inputs);
  for (const name of declared) {
    const g = given.get(name.toLowerCase());
    given.delete(name.toLowerCase());
    let value: string;
    if (g) value = g[1];
    else {
      value = manifest.inputs[name]?.default ?? '';
      if (value.includes('${{')) {
        throw new Error(`harness: the default of input '${name}' is an expression (${value}); pass the input explicitly`);
      }
    }
    env[inputEnvName(name)] = value;
  }
  if (given.size > 0) {
    const unexpected = [...given.values()].map(([k]) => k);
    if (o.step === 'main') {
      runnerWarning(`Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${declared.join("', '")}']`);
    }
    for (const [k, v] of given.values()) env[inputEnvName(k)] = v;
  }

  // ---- workflow commands (ActionCommandManager.TryProcessCommand)
  let echo = o.debug === true; // step debug turns command echo on
  let stopToken: string | null = null;
  const registered = new Set(REGISTERED_COMMANDS);
  const allowUnsecure = dotnetBool(env['ACTIONS_ALLOW_UNSECURE_COMMANDS']);
  const allowStopTokens = dotnetBool(env['ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS']);
  const OMIT_ECHO = new Set(['add-mask', 'debug', 'error', 'warning', 'notice']);

  const processCommand = (cmd: WorkflowCommand): void => {
    const msg = cmd.message;
    switch (cmd.command) {
      case 'add-mask':
        if (!masker.addMask(msg)) runnerWarning("Can't add secret mask for empty string in ##[add-mask] command.");
        else {
          if (!masks.includes(msg)) masks.push(msg);
          if (echo) out('::add-mask::***');
        }
        return;
      case 'debug':
        debugs.push(msg);
        if (o.debug) out(`##[debug]${msg}`);
        return;
      case 'error':
        errors.push(msg);
        out(`##[error]${msg}`);
        return;
      case 'warning':
        warnings.push(msg);
        out(`##[warning]${msg}`);
        return;
      case 'notice':
        notices.push(msg);
        out(`##[notice]${msg}`);
        return;
      case 'group':
        out(`##[group]${msg}`);
        return;
      case 'endgroup':
        out('##[endgroup]');
        return;
      case 'echo': {
        if (msg === '') throw new Error("Parameter 'value' cannot be null or empty.");
        const v = msg.trim().toUpperCase();
        if (v === 'ON') echo = true;
        else if (v === 'OFF') echo = false;
        else throw new Error(`Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${msg}'.`);
        return;
      }
      case 'set-output':
      case 'save-state': {
        runnerWarning(fmt(DEPRECATED_COMMAND, cmd.command));
        const name = cmd.properties['name'];
        if (!name) throw new Error(`Required field 'name' is missing in ##[${cmd.command}] command.`);
        (cmd.command === 'set-output' ? outputPairs : statePairs).push([name, msg]);
        return;
      }
      case 'set-env': {
        if (!allowUnsecure) throw new Error(fmt(DISABLED_COMMAND, cmd.command));
        const name = cmd.properties['name'];
        if (!name) throw new Error("Required field 'name' is missing in ##[set-env] command.");
        if (SET_ENV_BLOCK_LIST.some((b) => b.toLowerCase() === name.toLowerCase())) {
          errors.push(`Can't update ${name} environment variable using ::set-env:: command.`);
          out(`##[error]Can't update ${name} environment variable using ::set-env:: command.`);
          return;
        }
        envPairs.push([name, msg]);
        return;
      }
      case 'add-path':
        if (!allowUnsecure) throw new Error(fmt(DISABLED_COMMAND, cmd.command));
        if (msg === '') throw new Error("Parameter 'path' cannot be null or empty.");
        pathAdds.push(msg);
        return;
      default:
        // add-matcher / remove-matcher: problem matchers are not emulated.
        return;
    }
  };

  const onLine = (raw: string): void => {
    const index = lines.push(raw) - 1;
    lineSeen?.(raw);
    if (raw !== '' && (raw.includes('##[') || raw.includes('::'))) {
      const parsed = parseCommandLine(raw, registered);
      if (parsed) {
        const cmd: WorkflowCommand = { ...parsed, line: index };
        if (stopToken !== null) {
          if (stopToken !== '' && cmd.command === stopToken.toLowerCase()) {
            out(raw);
            registered.delete(stopToken.toLowerCase());
            stopToken = null;
            return;
          }
          // commands are paused: the line is plain output
        } else if (cmd.command === 'stop-commands') {
          commands.push(cmd);
          const token = cmd.message;
          if (!allowStopTokens && (token === '' || token.toLowerCase() === 'pause-logging' || registered.has(token.toLowerCase()))) {
            runnerError(`Unable to process command '${raw}' successfully.`);
            runnerError(BAD_STOP_TOKEN);
            runnerFailed = true;
            return;
          }
          out(raw);
          stopToken = token;
          registered.add(token.toLowerCase());
          return;
        } else {
          commands.push(cmd);
          const omit = OMIT_ECHO.has(cmd.command);
          if (echo && !omit) out(raw);
          try {
            processCommand(cmd);
          } catch (e) {
            runnerError(`Unable to process command '${omit ? cmd.command : raw}' successfully.`);
            runnerError(e instanceof Error ? e.message : String(e));
            runnerFailed = true;
          }
          return;
        }
      }
    }
    out(raw);
  };

  // ---- run the process
  const stdoutChunks: Buffer[] = [];
  const stderrChunks: Buffer[] = [];
  const signalsSent: { signal: NodeJS.Signals; atMs: number }[] = [];
  let cancelled = false;
  let timedOut = false;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sigtermAfter = o.graceMs?.sigterm ?? SIGINT_TO_SIGTERM_MS;
  const killAfter = o.graceMs?.kill ?? SIGTERM_TO_KILL_MS;

  const started = performance.now();
  const child = spawn(nodePath, [script], {
    cwd: ctx.workspace,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // own process group, so the whole tree can be killed as the runner does
  });
  const pid = child.pid;
  if (pid !== undefined) {
    trackGroup(pid);
    ctx.onGroup?.(pid);
  }
  child.stdin?.on('error', () => {});
  child.stdin?.end();

  const outSplit = new LineSplitter(onLine);
  const errSplit = new LineSplitter(onLine);
  child.stdout?.on('data', (b: Buffer) => {
    stdoutChunks.push(b);
    outSplit.write(b);
  });
  child.stderr?.on('data', (b: Buffer) => {
    stderrChunks.push(b);
    errSplit.write(b);
  });

  const timers: NodeJS.Timeout[] = [];
  let exited = false;
  const send = (signal: NodeJS.Signals) => {
    if (pid === undefined || exited) return;
    signalsSent.push({ signal, atMs: Math.round(performance.now() - started) });
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  };
  const killTree = () => {
    if (pid === undefined) return;
    signalsSent.push({ signal: 'SIGKILL', atMs: Math.round(performance.now() - started) });
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  const escalation: NodeJS.Timeout[] = [];
  if (o.signalAfterMs) {
    const { signal, afterMs, after } = o.signalAfterMs;
    const startCancelling = () =>
      escalation.push(
        setTimeout(() => {
          if (exited) return;
          cancelled = true;
          send(signal);
          if (signal === 'SIGINT') {
            escalation.push(
              setTimeout(() => {
                send('SIGTERM');
                escalation.push(setTimeout(() => !exited && killTree(), killAfter));
              }, sigtermAfter),
            );
          } else {
            escalation.push(setTimeout(() => !exited && killTree(), killAfter));
          }
        }, afterMs),
      );
    if (after === undefined) startCancelling();
    else if (after instanceof RegExp) {
      lineSeen = (line) => {
        if (!after.test(line)) return;
        lineSeen = undefined;
        startCancelling();
      };
    } else void after.then(() => !exited && startCancelling());
  }
  timers.push(
    setTimeout(() => {
      timedOut = true;
      killTree();
    }, timeoutMs),
  );

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', (e) => {
      for (const t of [...timers, ...escalation]) clearTimeout(t);
      reject(new Error(`harness: could not start ${nodePath} ${script}: ${e.message}`));
    });
    child.once('exit', () => {
      // The runner waits for the process itself; once it has exited no further signal is sent.
      exited = true;
      for (const t of escalation) clearTimeout(t);
    });
    child.once('close', (c, s) => resolve({ code: c, signal: s }));
  });
  for (const t of [...timers, ...escalation]) clearTimeout(t);
  outSplit.end();
  errSplit.end();
  const durationMs = performance.now() - started;
  if (pid !== undefined && !ctx.keepOrphans) killGroup(pid);

  if (timedOut) runnerError(`harness: the step ran longer than timeoutMs (${timeoutMs} ms); its process group was killed`);

  // ---- file commands, after exit even when the process failed, in the runner's order
  const read = (p: string) => fs.readFileSync(p, 'utf8');
  const files = {
    output: read(filePaths.output),
    state: read(filePaths.state),
    env: read(filePaths.env),
    path: read(filePaths.path),
    summary: read(filePaths.summary),
  };
  const fileCommandFailed = (contextName: string, message: string) => {
    runnerError(`Unable to process file command '${contextName}' successfully.`);
    runnerError(message);
    runnerFailed = true;
  };

  pathAdds.push(...parsePathFile(files.path));

  // With step debug on, the runner logs every value it takes from the files, masked only by the
  // masks registered so far (FileCommandManager.cs: SetEnvFileCommand, SaveStateFileCommand,
  // SetOutputFileCommand). A value that must not be read in a log has to be masked first.
  const debugValue = (line: string) => {
    if (o.debug) out(`##[debug]${line}`);
  };

  const envParse = parseFileCommandPairs(files.env);
  for (const [k, v] of envParse.pairs) {
    if (SET_ENV_BLOCK_LIST.some((b) => b.toLowerCase() === k.toLowerCase())) {
      // The runner reports this as an error annotation and skips the variable. Unlike the runner, which
      // leaves the step green, the harness fails the step (as its brief asks), so tests cannot miss it.
      runnerError(`Can't store ${k} output parameter using '$GITHUB_ENV' command.`);
      runnerFailed = true;
      continue;
    }
    envPairs.push([k, v]);
    debugValue(`${k}='${v}'`);
  }
  if (envParse.error) fileCommandFailed('env', envParse.error.message);

  let summary = '';
  const summaryBytes = fs.statSync(filePaths.summary).size;
  if (summaryBytes > STEP_SUMMARY_LIMIT_BYTES) {
    // The runner reports this as an error and skips the upload; the harness also fails the step (brief).
    runnerError(fmt(SUMMARY_TOO_BIG, STEP_SUMMARY_LIMIT_BYTES / 1024, Math.floor(summaryBytes / 1024)));
    runnerFailed = true;
  } else if (summaryBytes > 0) {
    const summaryLines = stripBom(files.summary).split(/\r\n|\r|\n/);
    if (summaryLines[summaryLines.length - 1] === '') summaryLines.pop();
    summary = summaryLines.map((l) => masker.mask(l) + '\n').join('');
  }

  const stateParse = parseFileCommandPairs(files.state);
  statePairs.push(...stateParse.pairs);
  for (const [k, v] of stateParse.pairs) debugValue(`Save intra-action state ${k} = ${v}`);
  if (stateParse.error) fileCommandFailed('state', stateParse.error.message);

  const outputParse = parseFileCommandPairs(files.output);
  outputPairs.push(...outputParse.pairs);
  for (const [k, v] of outputParse.pairs) debugValue(`Set output ${k} = ${v}`);
  if (outputParse.error) fileCommandFailed('output', outputParse.error.message);

  const failed = runnerFailed || code !== 0;
  const result: StepResult = {
    exitCode: runnerFailed && code === 0 ? 1 : code,
    signal,
    durationMs,
    stdout: Buffer.concat(stdoutChunks).toString('utf8'),
    stderr: Buffer.concat(stderrChunks).toString('utf8'),
    lines,
    maskedLog: log.join('\n'),
    commands,
    errors,
    warnings,
    notices,
    debugs,
    masks,
    outputs: pairsToRecord(outputPairs),
    state: pairsToRecord(statePairs),
    env: pairsToRecord(envPairs),
    path: dedupe(pathAdds),
    summary,
    files,
    processExitCode: code,
    failed,
    cancelled,
    timedOut,
    signalsSent,
    processEnv: env,
    argv: [nodePath, script],
    workspace: ctx.workspace,
    runnerTemp: ctx.runnerTemp,
  };
  return result;
}

/** PrependPath.RemoveAll(x == line) then Add(line): a repeated entry moves to the end. */
function dedupe(entries: string[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const at = out.indexOf(e);
    if (at >= 0) out.splice(at, 1);
    out.push(e);
  }
  return out;
}
