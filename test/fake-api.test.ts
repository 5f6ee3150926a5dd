// `npm run fake-api` (test/fake-api.ts) as CI uses it: started in the background, it seeds a
// minting token (the one CI's env names, or a generated one written to GITHUB_ENV), serves on
// 127.0.0.1, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PscaleClient } from './pscale-client.ts';

const script = fileURLToPath(new URL('./fake-api.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the script, waits for "ready", returns its output so far and a stop function. */
async function startFakeApi(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let output = '';
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      if (output.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fake-api exited with ${code}: ${output}`)));
  });
  const stop = async (): Promise<number | null> => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return { output, stop };
}

describe('npm run fake-api', () => {
  it('seeds the minting token named by env, writes GITHUB_ENV, serves, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-api-'));
    dirs.push(dir);
    const githubEnv = join(dir, 'github_env');
    const { output, stop } = await startFakeApi(
      { FAKE_API_TOKEN_ID: 'ciminting001', FAKE_API_TOKEN: 'pscale_tkn_ci', FAKE_API_ORG: 'shop', GITHUB_ENV: githubEnv },
      ['--port', '0', '--database', 'orders'],
    );
    try {
      const url = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(readFileSync(githubEnv, 'utf8')).toBe(`FAKE_API_URL=${url}\nFAKE_API_TOKEN_ID=ciminting001\nFAKE_API_TOKEN=pscale_tkn_ci\n`);
      const pscale = new PscaleClient({ apiUrl: url!, org: 'shop', id: 'ciminting001', token: 'pscale_tkn_ci' });
      expect((await pscale.organizations()).json.data[0]!.name).toBe('shop');
      // It may delegate any database access on its database.
      expect((await pscale.createBranch('orders', 'x')).status).toBe(201);
      expect((await pscale.createDeployRequest('orders', 'x')).status).toBe(201);
      expect((await pscale.request('GET', '/v1/organizations/shop/service-tokens')).status).toBe(200);
      const wrong = new PscaleClient({ apiUrl: url!, org: 'shop', id: 'ciminting001', token: 'pscale_tkn_other' });
      expect((await wrong.organizations()).status).toBe(401);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it('generates a token when env names none, and refuses a bad port or half a credential', async () => {
    const { output, stop } = await startFakeApi({}, ['--port', '0']);
    try {
      expect(output).toMatch(/minting-token-id [a-z0-9]{12}, minting-token pscale_tkn_\S+/);
      // Two databases by default, for the README's two-database example; the token delegates on both.
      expect(output).toContain('organization acme, databases app, analytics');
      const url = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(output)![1]!;
      const [, id, token] = /minting-token-id (\S+), minting-token (\S+)/.exec(output)!;
      const pscale = new PscaleClient({ apiUrl: url, org: 'acme', id: id!, token: token! });
      for (const database of ['app', 'analytics']) expect((await pscale.createBranch(database, 'x')).status).toBe(201);
    } finally {
      expect(await stop()).toBe(0);
    }

    for (const [env, args, message] of [
      [{}, ['--port', 'http'], 'port "http" is not a port number'],
      [{ FAKE_API_TOKEN_ID: 'abcdefabcdef' }, ['--port', '0'], 'set both FAKE_API_TOKEN_ID and FAKE_API_TOKEN'],
    ] as const) {
      await expect(startFakeApi(env, [...args])).rejects.toThrow(message);
    }
  });
});
