// The environment a step starts with, in the runner's order of precedence:
//   workflow `env:` < job `env:` < GITHUB_ENV written by earlier steps < the step's own `env:`.
// Job env and GITHUB_ENV share one dictionary (ExecutionContext.Global.EnvironmentVariables, which
// SetEnvFileCommand writes into), and the step's evaluated `env:` is laid over it when the step
// starts: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionRunner.cs and
// https://github.com/actions/runner/blob/main/src/Runner.Worker/FileCommandManager.cs.
// So a step-level `env:` naming a variable that GITHUB_ENV also set wins for that step.

export interface EnvLayers {
  workflow?: Record<string, string>;
  job?: Record<string, string>;
  /** GITHUB_ENV additions of earlier steps, in the order written (a later write wins). */
  githubEnv?: Record<string, string>;
  step?: Record<string, string>;
}

export function stepEnvironment(layers: EnvLayers): Record<string, string> {
  return { ...layers.workflow, ...layers.job, ...layers.githubEnv, ...layers.step };
}
