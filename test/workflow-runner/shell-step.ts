// A `run:` step: the script written to a file and run by the step's shell, with fresh
// GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files read back after it exits.
// Shells as GitHub runs them on Linux: no `shell:` is `bash -e {0}`, `shell: bash` is
// `bash --noprofile --norc -eo pipefail {0}` (https://docs.github.com/actions/reference/workflows-and-actions/workflow-syntax#defaultsrunshell).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pairsToRecord, parseFileCommandPairs, parsePathFile } from '../harness/file-commands.ts';
import { SecretMasker } from '../harness/masker.ts';

const SHELLS: Record<string, string> = {
  '': 'bash -e {0}',
  bash: 'bash --noprofile --norc -eo pipefail {0}',
  sh: 'sh -e {0}',
};

/** The command line for `shell:` (undefined when the step has none), the script file in place of {0}. */
export function shellCommand(shell: string | undefined, scriptPath: string): string[] {
  const template = SHELLS[shell ?? ''] ?? (shell!.includes('{0}') ? shell! : `${shell} {0}`);
  return template.split(/\s+/).map((part) => part.replace('{0}', scriptPath));
}

export interface ShellStepResult {
  exitCode: number;
  /** stdout and stderr, masked with the job's masks. */
  log: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
}

export async function runShellStep(o: {
  script: string;
  shell: string | undefined;
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  masks: readonly string[];
}): Promise<ShellStepResult> {
  const id = randomUUID();
  const scriptPath = path.join(o.runnerTemp, `${id}.sh`);
  fs.writeFileSync(scriptPath, o.script);
  const files = { output: 'set_output', env: 'set_env', path: 'add_path', summary: 'step_summary' } as const;
  const filePaths = Object.fromEntries(Object.entries(files).map(([k, name]) => [k, path.join(o.runnerTemp, `${name}_${id}`)])) as Record<
    keyof typeof files,
    string
  >;
  for (const p of Object.values(filePaths)) fs.writeFileSync(p, '');
  const [command, ...args] = shellCommand(o.shell, scriptPath);
  const env = {
    ...o.env,
    GITHUB_OUTPUT: filePaths.output,
    GITHUB_ENV: filePaths.env,
    GITHUB_PATH: filePaths.path,
    GITHUB_STEP_SUMMARY: filePaths.summary,
  };
  const child = spawn(command!, args, { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => chunks.push(b));
  child.stderr.on('data', (b: Buffer) => chunks.push(b));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  const masker = new SecretMasker();
  for (const m of o.masks) masker.addMask(m);
  const read = (p: string) => fs.readFileSync(p, 'utf8');
  const outputs = parseFileCommandPairs(read(filePaths.output));
  const envPairs = parseFileCommandPairs(read(filePaths.env));
  const failed = outputs.error ?? envPairs.error;
  return {
    exitCode: failed ? 1 : exitCode,
    log: masker.mask(Buffer.concat(chunks).toString('utf8') + (failed ? `\n##[error]${failed.message}` : '')),
    outputs: pairsToRecord(outputs.pairs),
    env: pairsToRecord(envPairs.pairs),
    path: parsePathFile(read(filePaths.path)),
  };
}
