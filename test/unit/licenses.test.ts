// Every package whose code is in a dist/ entry is named, with its licence, in that entry's
// licenses.txt. The built files name the ES modules webpack merged into a scope
// (`// CONCATENATED MODULE: ./node_modules/<package>/...`), the packages ncc's own --license lost.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPackages } from '../../scripts/licenses.ts';

const dist = new URL('../../dist/', import.meta.url);
const entries = ['main', 'post'];

/** Packages named by the markers in an entry's .js files (index.js and its chunks). */
function markedPackages(entry: string): string[] {
  const dir = new URL(`${entry}/`, dist);
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
    for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(/CONCATENATED MODULE: \.\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g))
      names.add(match[1]!);
  return [...names].sort();
}

/** `name@version` headings of licenses.txt, each with its licence id and a licence text. */
function listed(entry: string): Map<string, { license: string; text: string }> {
  const text = readFileSync(new URL(`${entry}/licenses.txt`, dist), 'utf8');
  const byName = new Map<string, { license: string; text: string }>();
  for (const block of text.split(/\n(?=(?:@[^/\s]+\/)?[^@\s/]+@\d+\.\d+\.\d+\S*\n)/)) {
    const [heading = '', license = '', ...rest] = block.split('\n');
    const name = /^((?:@[^/\s]+\/)?[^@\s/]+)@\d/.exec(heading)?.[1];
    if (name) byName.set(name, { license, text: rest.join('\n').trim() });
  }
  return byName;
}

describe('dist/*/licenses.txt', () => {
  for (const entry of entries)
    it(`${entry}: names every bundled package, with its licence id and text`, () => {
      const marked = markedPackages(entry);
      expect(marked).toContain('@actions/core');
      const entriesListed = listed(entry);
      expect(marked.filter((name) => !entriesListed.has(name))).toEqual([]);
      expect([...entriesListed.keys()]).toContain('undici');
      for (const [name, { license, text }] of entriesListed) {
        expect(license, name).toMatch(/^[A-Za-z0-9.+-]+( (OR|AND) [A-Za-z0-9.+-]+)*$/);
        expect(text, name).toMatch(/copyright|permission/i);
      }
    });
});

describe('bundledPackages', () => {
  it('finds packages in nested (concatenated) modules and in every chunk, scoped or not', () => {
    const stats = {
      chunks: [
        {
          modules: [
            {
              name: './src/main.ts + 2 modules',
              modules: [{ name: './src/main.ts' }, { name: './node_modules/@actions/github/lib/context.js' }],
            },
            { name: './node_modules/@actions/core/lib/core.js + 1 modules' },
          ],
        },
        { modules: [{ name: './node_modules/undici/lib/core/util.js' }, { name: 'external "node:http"' }] },
      ],
    };
    expect(bundledPackages(stats)).toEqual(['@actions/core', '@actions/github', 'undici']);
  });
});
