// Timing a process from spawn to exit, the way test/harness times a step, and summarising samples.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface TimedProcess {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command with the harness's spawn options (stdin closed, stdout and stderr piped and
 * read, its own process group) and times it from just before spawn to `close`, as the harness's
 * `durationMs` does, so the two can be compared.
 */
export async function timeProcess(command: string, args: string[], env: Record<string, string>): Promise<TimedProcess> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  child.stdin.end();
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const ms = performance.now() - started;
  return { ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every sample, in the order taken, rounded to 0.1 ms. */
  samples: number[];
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), samples: samples.map(round) };
}
