// The rules Windows and macOS runners rely on: the action is pure Node, so what differs is line
// endings and paths (only those the runner gives, used as they are). File commands (GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE) are @actions/core's, which ends their lines with os.EOL
// (https://github.com/actions/toolkit/blob/main/packages/core/src/file-command.ts); what is ours
// is reading workflow text that may come with CRLF.
import { afterEach, describe, expect, it } from 'vitest';
import { parseDatabaseAccesses, parseOrgAccesses } from '../../src/inputs/config.ts';
import { readInput } from '../../src/runner/read-input.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('inputs written on Windows', () => {
  it('reads an input pasted with CRLF, trimmed', () => {
    process.env['INPUT_MINTING-TOKEN'] = 'pscale_tkn_abc\r\n';
    expect(readInput('minting-token')).toBe('pscale_tkn_abc');
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
    expect(parseOrgAccesses('read_databases\r\nread_organization\r\n')).toEqual({
      ok: true,
      value: ['read_databases', 'read_organization'],
    });
  });
});
