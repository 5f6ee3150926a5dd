// What the built steps load. Every step loads @actions/core. Core's OIDC client (getIDToken:
// @actions/http-client, undici, node:http) and core.platform (@actions/exec) are not bundled: the
// action never calls them, and the build declares the toolkit packages side-effect free so ncc can
// leave them out (scripts/side-effect-free.ts). Main bundles @actions/github's run context but not
// Octokit (only getOctokit uses it). undici and the API client are lazy chunks, loaded only once
// there is an API call to make: a post with nothing to do (the most common post) and a main
// refused for bad input load no chunk and no HTTP code (post not even node:crypto). Node's own undici
// (fetch) is never loaded, and each step bundles one undici. Timings are in `npm run bench`.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
async function probed(
  options: Omit<Parameters<typeof runStep>[0], 'actionDir'>,
): Promise<StepResult & { modules: string[]; chunks: string[] }> {
  const out = join(dir, `modules-${++runs}.json`);
  const result = await runStep({
    actionDir,
    ...options,
    env: { ...options.env, NODE_OPTIONS: `--import ${probe}`, MODULE_PROBE_OUT: out },
  });
  const { builtins, files } = JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[]; files: string[] };
  const step = pathToFileURL(join(actionDir, 'dist', options.step)).href + '/';
  expect(files).toContain(`${step}index.js`);
  // The lazy chunks it loaded, by file name; nothing from outside its own dist/ folder.
  const chunks = files.filter((f) => f.startsWith(step) && f !== `${step}index.js`).map((f) => f.slice(step.length));
  expect(files.filter((f) => !f.startsWith(step) && f !== pathToFileURL(probe).href)).toEqual([]);
  return { ...result, modules: builtins, chunks };
}

const heavy = (modules: string[]) => ({
  crypto: modules.includes('NativeModule crypto'),
  http: modules.includes('NativeModule http'),
  tls: modules.includes('NativeModule tls'),
  /** Node's built-in undici, behind the global fetch: a second HTTP client, never wanted. */
  nodeUndici: modules.some((m) => m.includes('undici')),
});
const chunkHas = (chunks: string[], text: string, step = 'post') =>
  chunks.some((c) => readFileSync(join(actionDir, 'dist', step, c), 'utf8').includes(text));
/** The chunk that holds the API client (post: cleanup.ts, main: mint-token.ts, and what they import). */
const apiChunk = (chunks: string[], step = 'post') => chunkHas(chunks, 'PlanetScaleClient', step);
/** The chunk that holds undici (the API client imports it; nothing else does). */
const undiciChunk = (chunks: string[], step = 'post') => chunkHas(chunks, 'class EnvHttpProxyAgent', step);
const bundle = (step: string) =>
  readdirSync(join(actionDir, 'dist', step))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(actionDir, 'dist', step, f), 'utf8'))
    .join('');

describe('start-up of the built steps', () => {
  it('post with nothing to do loads core and no chunk: not the API client, no HTTP code', async () => {
    const post = await probed({ step: 'post' });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Nothing to clean up: the main step minted no token/);
    expect(post.chunks).toEqual([]);
    // node:crypto comes with core's file commands (module scope), which post's entry holds because
    // the env put-back (restore-env.ts) calls core.exportVariable: no HTTP code, though.
    expect(heavy(post.modules)).toEqual({ crypto: true, http: false, tls: false, nodeUndici: false });
  });

  it("only main bundles @actions/github, for its context: neither step bundles Octokit, core's OIDC client or @actions/exec", () => {
    expect(bundle('main')).toContain('GITHUB_EVENT_PATH');
    expect(bundle('post')).not.toContain('GITHUB_EVENT_PATH');
    for (const step of ['main', 'post']) {
      expect(bundle(step)).not.toMatch(/@octokit|class OidcClient|class HttpClient\b|getExecOutput/);
      // One undici: its classes are defined once.
      expect(bundle(step).match(/class EnvHttpProxyAgent\b/g)).toHaveLength(1);
    }
  });

  it('main refused for bad input loads no chunk: not the API client, no HTTP code', async () => {
    const main = await probed({ step: 'main', inputs: { org: 'acme', 'api-url': fake.url } });
    expect(main.exitCode).toBe(1);
    expect(main.errors.join('\n')).toMatch(/no minting token/);
    expect(main.chunks).toEqual([]);
    expect(heavy(main.modules)).toEqual({ crypto: true, http: false, tls: false, nodeUndici: false });
  });

  it("main and a post that deletes load the API client, never Node's own undici (fetch)", async () => {
    const inputs = {
      org: 'acme',
      'minting-token-id': minting.id,
      'minting-token': minting.token,
      database: 'app',
      accesses: 'read_branch',
      'api-url': fake.url,
    };
    const main = await probed({ step: 'main', inputs });
    expect(main.exitCode).toBe(0);
    expect(heavy(main.modules)).toEqual({ crypto: true, http: true, tls: true, nodeUndici: false });
    // Loaded once the inputs are valid: the minting code and undici.
    expect(apiChunk(main.chunks, 'main')).toBe(true);
    expect(undiciChunk(main.chunks, 'main')).toBe(true);
    expect(main.chunks).toHaveLength(2);

    const post = await probed({ step: 'post', inputs, env: main.env, state: main.state });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expect(heavy(post.modules)).toEqual({ crypto: true, http: true, tls: true, nodeUndici: false });
    // The API client's chunk and undici's, but not the one that opens the sealed credential (state.ts).
    expect(apiChunk(post.chunks)).toBe(true);
    expect(undiciChunk(post.chunks)).toBe(true);
    expect(post.chunks).toHaveLength(2);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('post opens the sealed minting token when the inputs no longer hold it', async () => {
    // The credential came from env PLANETSCALE_SERVICE_TOKEN*, which export-env replaced with the minted token.
    const inputs = { org: 'acme', database: 'app', accesses: 'read_branch', 'api-url': fake.url };
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const main = await probed({ step: 'main', inputs, env });
    expect(main.exitCode).toBe(0);
    const post = await probed({ step: 'post', inputs, env: { ...env, ...main.env }, state: main.state });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expect(heavy(post.modules)).toEqual({ crypto: true, http: true, tls: true, nodeUndici: false });
    expect(apiChunk(post.chunks)).toBe(true);
    // The API client, undici, the sealed credential (state.ts), and the put-back of the env main replaced
    // (restore-env.ts): env held a credential before main, so post restores it for earlier uses' posts.
    expect(post.maskedLog).toMatch(/Put PLANETSCALE_SERVICE_TOKEN_ID, PLANETSCALE_SERVICE_TOKEN, .* back as they were/);
    expect(undiciChunk(post.chunks)).toBe(true);
    expect(post.chunks).toHaveLength(4);
    expect(fake.mintedTokens()).toEqual([]);
  });
});
