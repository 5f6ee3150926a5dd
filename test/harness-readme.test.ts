// test/harness/README.md's example runs as written (with vitest's expect, and the repository as
// the action's folder), so it cannot drift from the harness and the fake API.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it("test/harness/README.md's example mints, checks and deletes a token", async () => {
  const readme = readFileSync(new URL('./harness/README.md', import.meta.url), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toContain('runJob(');
  const file = fileURLToPath(new URL(`./.harness-readme-example-${process.pid}.ts`, import.meta.url));
  const root = fileURLToPath(new URL('..', import.meta.url));
  writeFileSync(
    file,
    `import { expect } from 'vitest';\nconst repoRoot = ${JSON.stringify(root)};\n${example}\n` +
      'export const result = { main, post, masks, left: fake.mintedTokens().length };\nawait fake.close();\n',
  );
  try {
    const { result } = (await import(file)) as { result: { main: { exitCode: number }; post?: { exitCode: number }; left: number } };
    expect(result.main.exitCode).toBe(0);
    expect(result.post?.exitCode).toBe(0);
    expect(result.left).toBe(0);
  } finally {
    rmSync(file, { force: true });
  }
});
