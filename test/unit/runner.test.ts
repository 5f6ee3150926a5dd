// src/runner.ts: our replacement for @actions/core must speak the runner's protocol exactly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as runner from '../../src/runner.ts';
import { REGISTERED_COMMANDS, parseCommandLine, parseFileCommand } from '../harness/index.ts';

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

describe('runner commands', () => {
  it('reads inputs by the runner\'s names, trimmed', () => {
    process.env['INPUT_SERVICE-TOKEN-ID'] = '  abc \n';
    process.env['INPUT_SOME_THING'] = 'x';
    expect(runner.getInput('service-token-id')).toBe('abc');
    expect(runner.getInput('some thing')).toBe('x');
    expect(runner.getInput('missing')).toBe('');
  });

  it('escapes command data so a newline cannot start a new command', () => {
    runner.error('bad\n::add-path::/tmp 100%');
    runner.setSecret('multi\nline');
    expect(lines()).toEqual(['::error::bad%0A::add-path::/tmp 100%25', '::add-mask::multi%0Aline']);
    expect(parseCommandLine(lines()[0]!, new Set(REGISTERED_COMMANDS))?.message).toBe('bad\n::add-path::/tmp 100%');
  });

  it('keeps a plain line from being read as a command', () => {
    runner.info('no risk here');
    runner.info('first\n  ::add-path::/tmp\nold ##[add-mask]x');
    const [plain, stop, ...rest] = lines();
    expect(plain).toBe('no risk here');
    const token = stop!.match(/^::stop-commands::([0-9a-f-]{36})$/)![1];
    expect(rest).toEqual(['first', '  ::add-path::/tmp', 'old ##[add-mask]x', `::${token}::`]);
  });

  it('does not mask an empty value (it would mask nothing useful and confuse the runner)', () => {
    runner.setSecret('');
    expect(written).toEqual([]);
  });

  it('writes outputs, state and env as heredocs the runner parses back to the same values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-unit-'));
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV']) {
      process.env[name] = join(dir, name);
      writeFileSync(process.env[name]!, '');
    }
    runner.setOutput('accesses', '[{"a":1}]\nsecond line');
    runner.saveState('token-id', 'abc=def');
    runner.exportVariable('PLANETSCALE_ORG', 'acme');
    expect(parseFileCommand(readFileSync(join(dir, 'GITHUB_OUTPUT'), 'utf8'))).toEqual({ accesses: '[{"a":1}]\nsecond line' });
    expect(parseFileCommand(readFileSync(join(dir, 'GITHUB_STATE'), 'utf8'))).toEqual({ 'token-id': 'abc=def' });
    expect(parseFileCommand(readFileSync(join(dir, 'GITHUB_ENV'), 'utf8'))).toEqual({ PLANETSCALE_ORG: 'acme' });
    expect(process.env['PLANETSCALE_ORG']).toBe('acme');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to write a file command outside a runner', () => {
    delete process.env['GITHUB_OUTPUT'];
    expect(() => runner.setOutput('x', 'y')).toThrow(/GITHUB_OUTPUT is not set/);
  });

  it('reads state and debug', () => {
    process.env['STATE_token-id'] = 'abc';
    process.env['RUNNER_DEBUG'] = '1';
    expect(runner.getState('token-id')).toBe('abc');
    expect(runner.isDebug()).toBe(true);
  });
});
