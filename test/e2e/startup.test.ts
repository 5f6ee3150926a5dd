// What the built steps load: a post with nothing to do (the most common post) must not pay for
// the API client, node:crypto or an HTTP stack; a post that deletes a token does load them, which
// shows the probe sees what it should. The API client is the bundled undici, which loads
// node:http and node:crypto itself; Node's own copy (behind the global fetch) is never loaded.
// Timings are in `npm run bench`, not here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep, type StepResult } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
const probe = fileURLToPath(new URL('../fixtures/module-probe.mjs', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'startup-test-'));
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
    databases: { app: ['read_branch'] },
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
/** Runs a step with the probe; returns its result and the built-ins it loaded. */
async function probed(options: Omit<Parameters<typeof runStep>[0], 'actionDir'>): Promise<StepResult & { modules: string[] }> {
  const out = join(dir, `modules-${++runs}.json`);
  const result = await runStep({ actionDir, ...options, env: { ...options.env, NODE_OPTIONS: `--import ${probe}`, MODULE_PROBE_OUT: out } });
  return { ...result, modules: JSON.parse(readFileSync(out, 'utf8')) as string[] };
}

const heavy = (modules: string[]) => ({
  crypto: modules.includes('NativeModule crypto'),
  http: modules.includes('NativeModule http'),
  /** Node's built-in undici, behind the global fetch: a second HTTP client, never wanted. */
  nodeUndici: modules.some((m) => m.includes('undici')),
});

describe('start-up of the built steps', () => {
  it('post with nothing to do loads neither crypto nor an HTTP stack', async () => {
    const post = await probed({ step: 'post' });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Nothing to clean up: the main step minted no token/);
    expect(heavy(post.modules)).toEqual({ crypto: false, http: false, nodeUndici: false });
  });

  it('main and a post that deletes load the bundled undici (with node:http and node:crypto), never Node\'s own', async () => {
    const inputs = { org: 'acme', 'service-token-id': minting.id, 'service-token': minting.token, database: 'app', accesses: 'read_branch', 'api-url': fake.url };
    const main = await probed({ step: 'main', inputs });
    expect(main.exitCode).toBe(0);
    expect(heavy(main.modules)).toEqual({ crypto: true, http: true, nodeUndici: false });

    const post = await probed({ step: 'post', inputs, env: main.env, state: main.state });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expect(heavy(post.modules)).toEqual({ crypto: true, http: true, nodeUndici: false });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('post opens the sealed minting credential when the inputs no longer hold it', async () => {
    // The credential came from env PLANETSCALE_SERVICE_TOKEN*, which export-env replaced with the minted token.
    const inputs = { org: 'acme', database: 'app', accesses: 'read_branch', 'api-url': fake.url };
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const main = await probed({ step: 'main', inputs, env });
    expect(main.exitCode).toBe(0);
    const post = await probed({ step: 'post', inputs, env: { ...env, ...main.env }, state: main.state });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expect(heavy(post.modules)).toEqual({ crypto: true, http: true, nodeUndici: false });
    expect(fake.mintedTokens()).toEqual([]);
  });
});
