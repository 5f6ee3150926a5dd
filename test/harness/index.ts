// Test harness that runs a node action's built entry points exactly as the GitHub Actions runner does.
// See README.md in this folder.
export { runJob, runStep, runUses, HARNESS_GITHUB_ENV, DEFAULT_TIMEOUT_MS, SIGINT_TO_SIGTERM_MS, SIGTERM_TO_KILL_MS } from './runner.ts';
export type { ActionUse, JobResult, RunJobOptions, RunStepOptions, RunUsesOptions, StepResult, UsesResult } from './runner.ts';
export { readActionInputs, readNodeActionManifest, inputEnvName } from './action-manifest.ts';
export type { ActionInput, NodeActionManifest } from './action-manifest.ts';
export { FileCommandError, parseFileCommand, parseFileCommandPairs, parsePathFile, STEP_SUMMARY_LIMIT_BYTES } from './file-commands.ts';
export { stepEnvironment } from './step-env.ts';
export type { EnvLayers } from './step-env.ts';
export { SecretMasker } from './masker.ts';
export { parseCommandLine, REGISTERED_COMMANDS } from './workflow-commands.ts';
export type { WorkflowCommand } from './workflow-commands.ts';
