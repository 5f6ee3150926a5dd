// Runs a workflow file as written, for one event, the way GitHub would: jobs in `needs` order
// (independent ones and matrix legs in parallel), job and step `if:` with the status functions,
// env (workflow < job < GITHUB_ENV < step, test/harness/step-env.ts), matrix, `environment`
// (its secrets over the repository's), job outputs (dropped when they hold a masked value, as the
// runner does), and post steps in reverse order at the end of the job.
// Steps: `uses: ./` runs the built action through test/harness; planetscale/setup-pscale-action
// puts the pscale stand-in (./pscale/) on PATH; any other `uses:` does nothing; `run:` runs in
// its shell (shell-step.ts).
// The one change to the file as written: a `uses: ./` step without `api-url` is given the fake
// API's URL, since the action's default is the real PlanetScale.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HARNESS_GITHUB_ENV, readNodeActionManifest, runStep, stepEnvironment, type StepResult } from '../harness/index.ts';
import { condition, interpolate, type Contexts } from './expressions.ts';
import { runShellStep } from './shell-step.ts';
import type { JobModel, StepModel, WorkflowModel } from './workflow.ts';

const PSCALE_DIR = fileURLToPath(new URL('./pscale/', import.meta.url));
const SETUP_PSCALE = /^planetscale\/setup-pscale-action@/;
/** pull_request without `types:` reacts to these (https://docs.github.com/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request). */
const DEFAULT_TYPES: Record<string, string[]> = { pull_request: ['opened', 'synchronize', 'reopened'] };

export interface WorkflowEvent {
  name: string;
  /** The webhook payload: github.event (`action` is the activity type). */
  payload: Record<string, unknown>;
}

export interface RunWorkflowOptions {
  workflow: WorkflowModel;
  event: WorkflowEvent;
  actionDir: string;
  apiUrl: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Environments by name, each with its own secrets; a job naming one not listed here throws. */
  environments?: Record<string, { secrets?: Record<string, string> }>;
  /**
   * Called after a job's steps, before its post steps, with the environment a next step would
   * get: a test's look at what the job's token may and may not do. Not part of the file.
   */
  probe?: (job: { id: string; matrix: Record<string, unknown>; env: Record<string, string> }) => Promise<void>;
}

export type Result = 'success' | 'failure' | 'skipped';

export interface StepRun {
  id: string;
  name: string;
  outcome: Result;
  log: string;
  outputs: Record<string, string>;
  /** The action's main and post, for `uses: ./`. */
  main?: StepResult;
  post?: StepResult;
}

export interface JobRun {
  id: string;
  matrix: Record<string, unknown>;
  result: Result;
  outputs: Record<string, string>;
  steps: StepRun[];
}

export interface WorkflowRun {
  /** Whether the workflow reacts to the event at all. */
  triggered: boolean;
  jobs: JobRun[];
  /** Results by job id (a matrix job: failure if any leg failed, else success if any ran). */
  results: Record<string, Result>;
  /** Every token `uses: ./` minted (the credential it exported to later steps). */
  minted: { id: string; token: string }[];
}

export function reactsTo(workflow: WorkflowModel, event: WorkflowEvent): boolean {
  const config = workflow.events[event.name];
  if (!config) return false;
  const types = config.types ?? DEFAULT_TYPES[event.name];
  return types === undefined || types.includes(String(event.payload['action']));
}

/** Every combination of the matrix axes (include/exclude are not used by the examples). */
function combinations(matrix: Record<string, unknown[]>): Record<string, unknown>[] {
  return Object.entries(matrix).reduce<Record<string, unknown>[]>(
    (acc, [axis, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [axis]: v }))),
    [{}],
  );
}

export async function runWorkflow(o: RunWorkflowOptions): Promise<WorkflowRun> {
  const run: WorkflowRun = { triggered: reactsTo(o.workflow, o.event), jobs: [], results: {}, minted: [] };
  if (!run.triggered) return run;
  const needsOutputs: Record<string, Record<string, string>> = {};
  const pending = [...o.workflow.jobs];
  while (pending.length > 0) {
    const ready = pending.filter((job) => job.needs.every((n) => n in run.results));
    if (ready.length === 0) throw new Error(`${o.workflow.path}: jobs ${pending.map((j) => j.id).join(', ')} wait on each other`);
    await Promise.all(
      ready.map(async (job) => {
        pending.splice(pending.indexOf(job), 1);
        const legs = await Promise.all(combinations(job.matrix).map((matrix) => runJob(o, job, matrix, run, needsOutputs)));
        run.jobs.push(...legs);
        run.results[job.id] = legs.some((l) => l.result === 'failure')
          ? 'failure'
          : legs.some((l) => l.result === 'success')
            ? 'success'
            : 'skipped';
        needsOutputs[job.id] = Object.assign({}, ...legs.map((l) => l.outputs)) as Record<string, string>;
      }),
    );
  }
  return run;
}

async function runJob(
  o: RunWorkflowOptions,
  job: JobModel,
  matrix: Record<string, unknown>,
  run: WorkflowRun,
  needsOutputs: Record<string, Record<string, string>>,
): Promise<JobRun> {
  const result: JobRun = { id: job.id, matrix, result: 'skipped', outputs: {}, steps: [] };
  const needs = Object.fromEntries(job.needs.map((n) => [n, { result: run.results[n], outputs: needsOutputs[n] ?? {} }]));
  const needsOk = job.needs.every((n) => run.results[n] === 'success');
  const environment = job.environment;
  if (environment !== undefined && !o.environments?.[environment]) {
    throw new Error(`${o.workflow.path}: job ${job.id} runs in environment ${environment}, which the test did not set up`);
  }
  const secrets = { ...o.secrets, ...(environment ? o.environments?.[environment]?.secrets : {}) };
  const github = {
    event_name: o.event.name,
    event: o.event.payload,
    repository: HARNESS_GITHUB_ENV.GITHUB_REPOSITORY,
    repository_owner: HARNESS_GITHUB_ENV.GITHUB_REPOSITORY_OWNER,
    run_id: HARNESS_GITHUB_ENV.GITHUB_RUN_ID,
    run_attempt: HARNESS_GITHUB_ENV.GITHUB_RUN_ATTEMPT,
    sha: HARNESS_GITHUB_ENV.GITHUB_SHA,
    job: job.id,
  };
  const inputs = {
    ...o.workflow.events[o.event.name]?.inputDefaults,
    ...(o.event.payload['inputs'] as Record<string, string> | undefined),
  };
  const base: Contexts = { github, inputs, vars: o.vars ?? {}, secrets, matrix, needs, strategy: {}, runner: { os: 'Linux' }, job: {} };
  if (!condition(job.if, base, { success: needsOk, failure: job.needs.some((n) => run.results[n] === 'failure') })) return result;

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-runner-workspace-'));
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-runner-temp-'));
  const masks = Object.values(secrets).filter((s) => s !== '');
  const envContext = { ...interpolateAll(o.workflow.env, base) };
  Object.assign(envContext, interpolateAll(job.env, { ...base, env: envContext }));
  const jobEnv = { ...envContext };
  const githubEnv: Record<string, string> = {};
  const pathAdds: string[] = [path.dirname(process.execPath)];
  const steps: Record<string, { outputs: Record<string, string>; outcome: Result; conclusion: Result }> = {};
  const posts: { step: StepModel; main: StepResult; inputs: Record<string, string>; env: Record<string, string>; record: StepRun }[] = [];
  let failed = false;
  const contexts = (): Contexts => ({ ...base, env: stepEnvironment({ job: jobEnv, githubEnv }), steps });
  const processEnv = (stepEnv: Record<string, string>): Record<string, string> => ({
    ...stepEnvironment({ job: jobEnv, githubEnv, step: stepEnv }),
    GITHUB_JOB: job.id,
    GITHUB_EVENT_NAME: o.event.name,
    PATH: [...pathAdds].reverse().join(path.delimiter) + path.delimiter + (process.env['PATH'] ?? ''),
  });

  try {
    for (const step of job.steps) {
      const record: StepRun = {
        id: step.id,
        name: step.name ?? step.run ?? step.uses ?? step.id,
        outcome: 'skipped',
        log: '',
        outputs: {},
      };
      result.steps.push(record);
      if (!condition(step.if, contexts(), { success: !failed, failure: failed })) {
        steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const stepEnv = interpolateAll(step.env, contexts());
      const ctx = { ...contexts(), env: { ...(contexts()['env'] as Record<string, string>), ...stepEnv } };
      let ok = true;
      if (step.run !== undefined) {
        const shell = await runShellStep({
          script: interpolate(step.run, ctx),
          shell: step.shell,
          env: {
            ...HARNESS_GITHUB_ENV,
            HOME: process.env['HOME'] ?? '',
            GITHUB_WORKSPACE: workspace,
            RUNNER_TEMP: runnerTemp,
            ...processEnv(stepEnv),
          },
          workspace,
          runnerTemp,
          masks,
        });
        ok = shell.exitCode === 0;
        Object.assign(record, { log: shell.log, outputs: shell.outputs });
        Object.assign(githubEnv, shell.env);
        pathAdds.push(...shell.path);
      } else if (step.uses === './') {
        const inputs = { 'api-url': o.apiUrl, ...interpolateAll(step.with, ctx) };
        const main = await runStep({
          actionDir: o.actionDir,
          step: 'main',
          inputs,
          env: processEnv(stepEnv),
          masks,
          workspace,
          runnerTemp,
        });
        masks.push(...main.masks);
        ok = !main.failed;
        Object.assign(record, { log: main.maskedLog, outputs: main.outputs, main });
        Object.assign(githubEnv, main.env);
        const [id, token] = [main.env['PLANETSCALE_SERVICE_TOKEN_ID'], main.env['PLANETSCALE_SERVICE_TOKEN']];
        if (id && token) run.minted.push({ id, token });
        posts.unshift({ step, main, inputs, env: stepEnv, record });
      } else if (step.uses !== undefined && SETUP_PSCALE.test(step.uses)) {
        pathAdds.push(PSCALE_DIR);
      }
      record.outcome = ok ? 'success' : 'failure';
      steps[step.id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.outcome };
      failed ||= !ok;
    }
    // A failing probe still lets the post steps run (and delete the token); its error comes after.
    const probed = o.probe?.({ id: job.id, matrix, env: processEnv({}) }).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
    const probeFailure = await probed;
    // Post steps, last main first, each per the action's post-if (always()).
    const postIf = readNodeActionManifest(o.actionDir).postIf;
    for (const p of posts) {
      if (!condition(postIf, contexts(), { success: !failed, failure: failed })) continue;
      p.record.post = await runStep({
        actionDir: o.actionDir,
        step: 'post',
        inputs: p.inputs,
        env: processEnv(p.env),
        state: p.main.state,
        masks,
        workspace,
        runnerTemp,
      });
      Object.assign(githubEnv, p.record.post.env);
      failed ||= p.record.post.failed;
    }
    if (probeFailure) throw probeFailure.err;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  }
  result.result = failed ? 'failure' : 'success';
  // Job outputs holding a masked value are dropped ("Skip output ... since it may contain secret").
  for (const [name, value] of Object.entries(interpolateAll(job.outputs, contexts()))) {
    if (!masks.some((m) => value.includes(m))) result.outputs[name] = value;
  }
  return result;
}

function interpolateAll(values: Record<string, string>, contexts: Contexts): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, interpolate(v, contexts)]));
}
