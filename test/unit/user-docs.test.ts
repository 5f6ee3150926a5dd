// The user-facing files: every relative link reaches a file in the repository (and every `#anchor`
// into a Markdown file a heading in it), and none speaks of the build's history by issue number.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { userMarkdown } from '../readme-blocks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = [...userMarkdown(), 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', 'bench/README.md'];
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Markdown text without its fenced code blocks, where `](` is code, not a link. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}
const anchors = (text: string) => new Set([...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));

describe('user-facing files', () => {
  it("an anchor is GitHub's", () => {
    expect(anchorOf("The minting token's permissions")).toBe('the-minting-tokens-permissions');
    expect(anchorOf('Runners: versions and platforms')).toBe('runners-versions-and-platforms');
  });

  it.each(docs)('%s: every relative link and anchor resolves', (doc) => {
    const broken: string[] = [];
    for (const [, target] of prose(read(doc)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const file = path ? normalize(join(dirname(doc), path)) : doc;
      if (file.startsWith('..') || !existsSync(join(root, file))) broken.push(`${target} (no file ${file})`);
      else if (anchor && file.endsWith('.md') && !anchors(read(file)).has(anchor))
        broken.push(`${target} (no heading #${anchor} in ${file})`);
    }
    expect(broken).toEqual([]);
  });

  it.each(docs)('%s: names no internal issue number', (doc) => {
    expect(read(doc).match(/\bissues? #?\d+\b|(?<![\w/&])#\d+\b/gi) ?? []).toEqual([]);
  });
});
