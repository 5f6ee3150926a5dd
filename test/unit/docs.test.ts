// The README's input and output tables, and the User-Agent version, kept equal to their sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_VERSION } from '../../src/planetscale/version.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
};
const readme = read('README.md');

/** Rows of the markdown table that follows `marker`, as arrays of trimmed cells. */
function tableAfter(marker: string): string[][] {
  const lines = readme.slice(readme.indexOf(marker)).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2); // header and separator
}
const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe('README', () => {
  it('lists every input with its required flag and default, as action.yml has them', () => {
    const rows = tableAfter('<!-- inputs-table');
    expect(rows.map((r) => unquote(r[0]!))).toEqual(Object.keys(action.inputs));
    for (const [name, required, fallback] of rows) {
      const input = action.inputs[unquote(name!)]!;
      expect(required, name).toBe(input.required ? 'yes' : 'no');
      expect(unquote(fallback!), name).toBe(input.default ?? '');
    }
  });

  it('lists every output', () => {
    expect(tableAfter('<!-- outputs-table').map((r) => unquote(r[0]!))).toEqual(Object.keys(action.outputs));
  });

  it('shows the test command CI runs', () => {
    expect(readme).toContain('npm test');
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });
});

describe('version', () => {
  it("sent in the User-Agent is package.json's", () => {
    expect(ACTION_VERSION).toBe((JSON.parse(read('package.json')) as { version: string }).version);
  });
});
