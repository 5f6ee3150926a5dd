// Post reads only what main wrote. The runner gives post STATE_<key> for each key main saved, on
// top of the job's env, and that env holds what any step wrote to GITHUB_ENV: a key main left
// unwritten could be supplied there (by a later step, or by an injection bug in one). Main
// therefore writes every key first, empty where it has nothing; and post checks the API URL it
// would send the minting token to against the api-url input.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATE } from '../../src/state/keys.ts';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
/** Where injected state would send the minting token: it must never be called. */
let hostile: Server;
let hostileUrl: string;
const hostileSaw: string[] = [];

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
    databases: { app: ['read_branch'] },
  });
  hostile = createServer((req, res) => {
    hostileSaw.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
  await fake.close();
});
beforeEach(() => {
  hostileSaw.length = 0;
});

const inputs = (extra: Record<string, string> = {}) => ({
  org: 'acme',
  'minting-token-id': minting.id,
  'minting-token': minting.token,
  database: 'app',
  accesses: 'read_branch',
  'api-url': fake.url,
  ...extra,
});
const post = (main: Awaited<ReturnType<typeof runStep>>, env: Record<string, string>, postInputs = inputs()) =>
  runStep({ actionDir, step: 'post', inputs: postInputs, env: { ...main.env, ...env }, state: main.state, masks: main.masks });
/** What a step writing `KEY=value` lines to GITHUB_ENV would leave in the job's env. */
const injected = (values: Partial<Record<keyof typeof STATE, string>>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [`STATE_${STATE[k as keyof typeof STATE]}`, v]));

describe('state that env supplies', () => {
  it('main writes every key post reads, even when it refuses the inputs', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs({ ttl: 'forever' }) });
    expect(main.exitCode).toBe(1);
    for (const key of Object.values(STATE)) expect(main.state, key).toHaveProperty(key, '');
  });

  it('after a main that succeeded, settled and cleanup from env do not stop post deleting the token', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    const done = await post(main, injected({ settled: 'true', cleanup: 'false', lookUpByName: 'false' }));
    expect(done.exitCode).toBe(0);
    expect(done.maskedLog).toMatch(/Deleted service token/);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('after a main refused for bad input, a whole forged record sends nothing anywhere', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs({ ttl: 'forever' }) });
    expect(main.exitCode).toBe(1);
    const forged = injected({
      apiUrl: hostileUrl,
      id: 'victimtoken1',
      org: 'acme',
      name: 'victim',
      createAttempted: 'true',
      lookUpByName: 'true',
      sweep: 'victim',
    });
    fake.clearRequests();
    const done = await post(main, forged);
    expect(done.exitCode).toBe(0);
    expect(done.maskedLog).toMatch(/Nothing to clean up: the main step minted no token\./);
    expect(hostileSaw).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('an API URL in state that the api-url input does not give: post refuses to send the credential there', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    const done = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs(),
      env: main.env,
      state: { ...main.state, [STATE.apiUrl]: hostileUrl },
      masks: main.masks,
    });
    expect(done.exitCode).toBe(1);
    expect(done.errors[0]).toMatch(/the API URL the main step recorded is not the one the api-url input gives now/);
    expect(hostileSaw).toEqual([]);
    // The token main made is then deleted by a post that reads the true record.
    const again = await post(main, {});
    expect(again.exitCode).toBe(0);
    expect(fake.mintedTokens()).toEqual([]);
  });
});
