// GitHub's local debugger for JS/TS actions (@github/local-action), run as the README's
// Development section shows: `npm run fake-api` (test/fake-api.ts with .env.example), then
// `local-action run . src/main.ts .env.example --post src/post.ts`. Main must mint against the
// fake, with its outputs captured; post must delete; no token of ours may be left.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PscaleClient } from '../pscale-client.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'node_modules', '.bin');
// node_modules/.bin first: its `node` is the repo's Node 24, for local-action and the npm it runs.
const baseEnv = { PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, HOME: process.env['HOME'] ?? tmpdir() };
const dir = mkdtempSync(join(tmpdir(), 'local-action-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** .env.example's KEY=value lines (no quotes or expansion in it). */
function readEnvExample(): Record<string, string> {
  const text = readFileSync(join(repo, '.env.example'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .flatMap((line) => (/^[A-Z_][A-Z0-9_-]*=/.test(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]] : [])),
  );
}

/** `npm run fake-api` as the README shows it, but on a free port; resolves once it is ready. */
async function startFakeApi(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(join(bin, 'node'), ['--env-file=.env.example', 'test/fake-api.ts'], {
    cwd: repo,
    env: { ...baseEnv, FAKE_API_PORT: '0' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      if (output.includes('ready\n')) resolve();
    });
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => reject(new Error(`fake-api exited with ${code}: ${output}`)));
  });
  const url = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(output)![1]!;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

describe('@github/local-action with .env.example', () => {
  it('mints against the fake API in main, captures the outputs, and deletes in post', { timeout: 180_000 }, async () => {
    const example = readEnvExample();
    const fake = await startFakeApi();
    try {
      // The same file, pointed at the fake's port and a summary file of the test's own.
      const envFile = join(dir, '.env');
      const summary = join(dir, 'summary.md');
      writeFileSync(
        envFile,
        readFileSync(join(repo, '.env.example'), 'utf8')
          .replaceAll(`http://127.0.0.1:${example['FAKE_API_PORT']}`, fake.url)
          .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${summary}`),
      );
      const output = execFileSync(join(bin, 'local-action'), ['run', '.', 'src/main.ts', envFile, '--post', 'src/post.ts'], {
        cwd: repo,
        env: baseEnv,
        encoding: 'utf8',
        timeout: 170_000,
      });

      const name = /::set-output name=name::(gha-shop-1-1-local-[a-z0-9]{6})$/m.exec(output)?.[1];
      expect(name, output).toBeDefined();
      expect(output).toMatch(/::set-output name=expires-at::\d{4}-\d\d-\d\dT/);
      expect(output).toContain(
        '::set-output name=accesses::[{"resource_type":"Database","resource_name":"app","accesses":["read_branch","create_branch"]}',
      );
      expect(output).toContain(`Deleted service token "${name}".`);
      expect(output).not.toMatch(/::error::/);
      // The minted secret never printed: local-action skips the outputs that hold a masked value.
      expect(output).toContain('Skip output service-token since it may contain secret.');
      expect(readFileSync(summary, 'utf8')).toContain(`\`${name}\``);

      // Seen gone: the organization holds the minting token only.
      const pscale = new PscaleClient({
        apiUrl: fake.url,
        org: example['INPUT_ORG']!,
        id: example['FAKE_API_TOKEN_ID']!,
        token: example['FAKE_API_TOKEN']!,
      });
      const listed = await pscale.request('GET', `/v1/organizations/${example['INPUT_ORG']}/service-tokens`);
      expect(listed.status).toBe(200);
      expect((listed.json as { data: { id: string }[] }).data.map((t) => t.id)).toEqual([example['FAKE_API_TOKEN_ID']]);
    } finally {
      await fake.stop();
    }
  });
});
