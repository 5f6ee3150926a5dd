// src/runner/log.ts: what it adds over @actions/core must reach the runner as the runner reads it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as log from '../../src/runner/log.ts';
import { REGISTERED_COMMANDS, parseCommandLine } from '../harness/index.ts';

let written: string[];
const saved = { ...process.env };
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
});
const lines = () => written.join('').split('\n').filter(Boolean);

describe('log', () => {
  it('prints a plain line as it is', () => {
    log.info('no risk here');
    expect(lines()).toEqual(['no risk here']);
  });

  it('keeps a line that could read as a command from being one', () => {
    log.info('first\n  ::add-path::/tmp\nold ##[add-mask]x');
    log.info('a::b');
    const [stop, ...rest] = lines();
    const token = stop!.match(/^::stop-commands::([0-9a-f-]{36})$/)![1];
    expect(rest.slice(0, 4)).toEqual(['first', '  ::add-path::/tmp', 'old ##[add-mask]x', `::${token}::`]);
    // A fresh token each time: a printed token cannot be reused to end a later block.
    expect(rest[4]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/);
    expect(rest[4]).not.toContain(token);
    expect(rest.slice(5, 6)).toEqual(['a::b']);
  });

  it("masks through the runner's command, escaped so a newline cannot start another command", () => {
    log.setSecret('multi\nline');
    expect(lines()).toEqual(['::add-mask::multi%0Aline']);
    expect(parseCommandLine(lines()[0]!, new Set(REGISTERED_COMMANDS))?.message).toBe('multi\nline');
  });

  it('does not mask an empty value (the runner warns about a blank mask)', () => {
    log.setSecret('');
    expect(written).toEqual([]);
  });

  // Before any summary is written: core remembers the summary file once it found one.
  it('warns, and does not throw, when there is no job summary to write to', async () => {
    delete process.env['GITHUB_STEP_SUMMARY'];
    await log.appendSummary('### hello');
    expect(lines()).toEqual([
      expect.stringMatching(/^::warning::Could not write the job summary: Unable to find environment variable for \$GITHUB_STEP_SUMMARY/),
    ]);
  });

  it('appends to the job summary, ending each part with a newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-unit-'));
    process.env['GITHUB_STEP_SUMMARY'] = join(dir, 'summary.md');
    writeFileSync(process.env['GITHUB_STEP_SUMMARY'], '');
    await log.appendSummary('### one');
    await log.appendSummary('two\n');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('### one\ntwo\n');
    rmSync(dir, { recursive: true, force: true });
  });
});
