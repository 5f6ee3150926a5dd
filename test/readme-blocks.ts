import { readdirSync } from 'node:fs';

// The user's Markdown (README.md and docs/), and its ```yaml blocks, each with the line it starts on. A block whose first line is
// `# fragment` is part of a workflow, not one to paste as a file.
export interface YamlBlock {
  line: number;
  content: string;
  fragment: boolean;
}

export function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```yaml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    const content = body.join('\n') + '\n';
    blocks.push({ line: i + 1, content, fragment: /^#\s*fragment\b/.test(body[0] ?? '') });
    i = j;
  }
  return blocks;
}

/** README.md and docs/*.md, the Markdown a user reads, as paths from the repository's root. */
export function userMarkdown(): string[] {
  const docs = readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}
