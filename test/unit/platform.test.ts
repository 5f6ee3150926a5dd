// The rules Windows and macOS runners rely on: the action is pure Node, so what differs is line
// endings (file commands end lines with os.EOL, as @actions/core does; workflow text may come with
// CRLF) and paths (only those the runner gives, used as they are).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDatabaseAccesses, parseOrgAccesses } from '../../src/inputs.ts';

// As on Windows: os.EOL is CRLF.
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), EOL: '\r\n' }));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('file commands on Windows', () => {
  it('end every line with os.EOL, in a runner-given path with spaces', async () => {
    const runner = await import('../../src/runner.ts');
    const dir = mkdtempSync(join(tmpdir(), 'runner temp '));
    try {
      const file = join(dir, 'set_output file');
      writeFileSync(file, '');
      process.env['GITHUB_OUTPUT'] = file;
      runner.setOutput('name', 'value');
      const text = readFileSync(file, 'utf8');
      const delimiter = /^name<<(ghadelimiter_[0-9a-f-]{36})\r\n/.exec(text)?.[1];
      expect(delimiter).toBeDefined();
      expect(text).toBe(`name<<${delimiter}\r\nvalue\r\n${delimiter}\r\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an input pasted with CRLF, trimmed', async () => {
    const runner = await import('../../src/runner.ts');
    process.env['INPUT_SERVICE-TOKEN'] = 'pscale_tkn_abc\r\n';
    expect(runner.getInput('service-token')).toBe('pscale_tkn_abc');
  });
});

describe('multi-line inputs with CRLF or lone CR', () => {
  it('splits accesses lines at CRLF and CR alike', () => {
    const result = parseDatabaseAccesses('app: read_branch,\r\nanalytics: read_branch\rapp: create_branch\r\n', '');
    expect(result).toEqual({
      ok: true,
      value: [
        { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch'] },
        { resourceType: 'Database', resourceName: 'analytics', accesses: ['read_branch'] },
      ],
    });
  });
  it('splits org-accesses at CRLF', () => {
    expect(parseOrgAccesses('read_databases\r\nread_organization\r\n')).toEqual({ ok: true, value: ['read_databases', 'read_organization'] });
  });
});
