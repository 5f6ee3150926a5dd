// Third-party actions in the example workflows and the README's snippets are pinned to a full
// commit SHA, with the version in a comment: a tag can be moved to other code, a SHA cannot
// (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { userMarkdown } from '../readme-blocks.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * Actions left at a tag in the workflows because no commit SHA for them could be verified when the
 * rest were pinned (docs/runners.md, "Pin third-party actions"). Each must still be in use, so the list
 * cannot outlive its reason; pin the action and remove it from here.
 */
const AWAITING_A_VERIFIED_SHA = new Set<string>();

interface Use {
  where: string;
  action: string;
  ref: string;
  comment: string;
}

/** `uses:` lines, with what follows `@` and the line's comment. */
function usesIn(text: string, file: string): Use[] {
  return text.split('\n').flatMap((line, i) => {
    const match = /^\s*(?:-\s+)?uses:\s*(.+?)\s*(?:#\s*(.*))?$/.exec(line);
    if (!match) return [];
    const [action, ref = ''] = match[1]!.split('@');
    return [{ where: `${file}:${i + 1}`, action: action!, ref, comment: match[2] ?? '' }];
  });
}

/** A Markdown file's yaml code blocks, as one text (line numbers kept by blanking the rest). */
function yamlOf(file: string): string {
  let inYaml = false;
  return read(file)
    .split('\n')
    .map((line) => {
      if (/^\s*```yaml\s*$/.test(line)) inYaml = true;
      else if (/^\s*```\s*$/.test(line)) inYaml = false;
      else if (inYaml) return line;
      return '';
    })
    .join('\n');
}

const workflows = readdirSync(new URL('.github/workflows/', root)).filter((f) => f.endsWith('.yml'));
const workflowUses = workflows.flatMap((f) => usesIn(read(`.github/workflows/${f}`), `.github/workflows/${f}`));
const readmeUses = userMarkdown().flatMap((file) => usesIn(yamlOf(file), file));
const SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+(\.\d+)*\b/;

describe('third-party actions are pinned to a full commit SHA', () => {
  it('finds the uses: lines it checks', () => {
    expect(workflowUses.filter((u) => u.action !== '.' && !u.action.startsWith('./')).length).toBeGreaterThan(10);
    expect(readmeUses.length).toBeGreaterThan(10);
  });

  it("in .github/workflows, every action but this repository's own (./) is at a 40-hex SHA, its version in a comment", () => {
    const unpinned = workflowUses
      .filter((u) => !u.action.startsWith('.') && !AWAITING_A_VERIFIED_SHA.has(u.action))
      .filter((u) => !SHA.test(u.ref) || !VERSION_COMMENT.test(u.comment))
      .map((u) => `${u.where}: ${u.action}@${u.ref}`);
    expect(unpinned).toEqual([]);
  });

  it('lists as awaiting a SHA only actions still in use', () => {
    for (const action of AWAITING_A_VERIFIED_SHA)
      expect(
        workflowUses.some((u) => u.action === action),
        action,
      ).toBe(true);
  });

  it('in the README snippets, every action is at a 40-hex SHA or at a placeholder saying to pin one, its version in a comment', () => {
    const unpinned = readmeUses
      .filter((u) => !u.action.startsWith('./'))
      .filter((u) => !(SHA.test(u.ref) || /^<commit SHA[^>]*>$/.test(u.ref)) || !VERSION_COMMENT.test(u.comment))
      .map((u) => `${u.where}: ${u.action}@${u.ref}`);
    expect(unpinned).toEqual([]);
  });
});
