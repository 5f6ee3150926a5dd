// Bad input cannot steer the action, proven on the built dist/ run as the runner runs it, with
// the requests the fake PlanetScale API (or a loopback server) actually received: path and header
// injection, api-url, redirects, workflow-command injection, and a bounded number of generated
// hostile inputs (the many-case versions of these properties run in process, in
// test/property/hostile-input.test.ts).
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseApiUrl } from '../../src/inputs/config.ts';
import type { FakePlanetScale } from '../fake-planetscale/index.ts';
import { acmeInputs, startAcme } from './acme.ts';
import { runJob, runStep, type StepResult } from '../harness/index.ts';
import { INPUT_NAMES, hostileInputs, hostileString } from '../property/arbitraries.ts';
import { LoopbackPool, json, type loopback } from './loopback.ts';
import { EMPTY_STATE } from '../harness/empty-state.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
const servers = new LoopbackPool();

/** Runs of the built action the generated-input property makes (each one main, and post). */
export const ACTION_RUNS = 30;

beforeAll(async () => {
  ({ fake, minting } = await startAcme());
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());
afterEach(async () => {
  await servers.closeAll();
  expect(fake.mintedTokens()).toEqual([]);
});

const server = (...args: Parameters<typeof loopback>) => servers.start(...args);

const inputs = (overrides: Record<string, string> = {}) => acmeInputs(fake, minting, overrides);

/** Commands a step issued other than the ones this action uses. */
/**
 * Commands the action did not issue itself. Besides the plain ones, its own are the sweep's log
 * group (that exact title, then one endgroup) and the notice for a token kept (that exact title).
 */
const foreignCommands = (step: StepResult) => {
  let open = 0;
  return step.commands.filter((c) => {
    if (['add-mask', 'debug', 'error', 'warning', 'stop-commands'].includes(c.command)) return false;
    if (c.command === 'group' && c.message === 'sweep-expired: expired tokens of earlier runs') return (open++, false);
    if (c.command === 'endgroup' && open > 0) return (open--, false);
    return !(c.command === 'notice' && c.properties['title'] === 'PlanetScale token kept');
  });
};

function expectRefusedBeforeAnyRequest(main: StepResult, input: string | RegExp): void {
  expect(main.exitCode).toBe(1);
  expect(main.errors.length).toBeGreaterThan(0);
  for (const error of main.errors) expect(error).toMatch(typeof input === 'string' ? new RegExp(`^Input "${input}": `) : input);
  expect(main.state).toEqual(EMPTY_STATE); // every key claimed, none filled
  expect(main.stdout + main.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(foreignCommands(main)).toEqual([]);
  expect(main.path).toEqual([]);
  expect(fake.requests).toEqual([]);
}

describe('path injection: refused before any request', () => {
  const names = ['../../x', 'a/b', 'a?b', 'a#b', 'a%2Fb', '..', 'x\n::add-path::/tmp'];
  it.each(names)('org %j', async (name) => {
    expectRefusedBeforeAnyRequest(await runStep({ actionDir, step: 'main', inputs: inputs({ org: name }) }), 'org');
  });
  it.each(names)('database %j', async (name) => {
    expectRefusedBeforeAnyRequest(await runStep({ actionDir, step: 'main', inputs: inputs({ database: name }) }), 'database');
  });
  it.each(names.filter((n) => !n.includes('\n')))('a "DB:" line naming %j', async (name) => {
    expectRefusedBeforeAnyRequest(
      await runStep({ actionDir, step: 'main', inputs: inputs({ database: '', accesses: `${name}: read_branch` }) }),
      'accesses',
    );
  });
});

describe('header injection: a credential with CR/LF is refused, never sent', () => {
  it.each([
    ['minting-token', `${'pscale_tkn_'}abc\r\nX-Injected: 1`],
    ['minting-token', 'pscale_tkn_abc\nHost: evil'],
    ['minting-token-id', 'id\r\nX-Injected: 1'],
    ['api-token', 'oauth\r\nX-Injected: 1'],
  ])('%s with a line break', async (input, value) => {
    const overrides = input === 'api-token' ? { 'minting-token-id': '', 'minting-token': '', 'api-token': value } : { [input]: value };
    const main = await runStep({ actionDir, step: 'main', inputs: inputs(overrides) });
    expectRefusedBeforeAnyRequest(main, input);
    expect(main.errors[0]).toMatch(/contains a line break/);
    // The value is never quoted back, not even masked.
    expect(main.lines.filter((l) => !l.startsWith('::add-mask::') && (l.includes('X-Injected') || l.includes('Host: evil')))).toEqual([]);
  });
});

describe('api-url: https, or http to loopback only; nothing else gets the credential', () => {
  it('refuses every other form before any request: the server behind it hears nothing', async () => {
    const listener = await server(() => json(200, {}));
    const port = new URL(listener.url).port;
    // Each of these reaches the loopback listener if it were used: 0.0.0.0 and an IPv4-mapped
    // IPv6 address are loopback in effect, yet not names this action accepts as loopback.
    for (const url of [
      `http://0.0.0.0:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
      `https://user:pass@127.0.0.1:${port}`,
      `http://127.0.0.1:${port}/?x=1`,
      `http://127.0.0.1:${port}/#x`,
      `ftp://127.0.0.1:${port}`,
      `ws://127.0.0.1:${port}`,
      `127.0.0.1:${port}`,
      'http://api.planetscale.com',
      'javascript:alert(1)',
    ]) {
      const main = await runStep({ actionDir, step: 'main', inputs: inputs({ 'api-url': url }) });
      expectRefusedBeforeAnyRequest(main, 'api-url');
      if (url.includes('user:pass@')) expect(main.lines.filter((l) => l.includes('user:pass'))).toEqual([]);
    }
    expect(listener.requests).toEqual([]);
  });

  it.each([302, 307, 308])('refuses a %i redirect: the credential never reaches the other host', async (status) => {
    const elsewhere = await server(() => json(200, { id: 'stolen', token: 'pscale_tkn_stolen' }));
    const api = await server((req) => ({ status, headers: { location: `${elsewhere.url}${req.target}` } }));
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'api-url': api.url }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(
      new RegExp(`^Could not reach PlanetScale at .* while creating a service token .*refused to follow a redirect \\(HTTP ${status}\\)`),
    );
    expect(post!.exitCode).toBe(1);
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    expect(api.requests.every((r) => r.headers.authorization === `${minting.id}:${minting.token}`)).toBe(true);
    expect(elsewhere.requests).toEqual([]);
  });

  it('a redirect on a grant: refused, the token deleted through api-url, the other host hears nothing', async () => {
    const elsewhere = await server(() => json(200, { data: [] }));
    const api = await server(
      (req, forward) =>
        req.target.endsWith('/access') ? { status: 307, headers: { location: `${elsewhere.url}${req.target}` } } : forward(),
      fake.url,
    );
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'api-url': api.url }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/refused to follow a redirect \(HTTP 307\)/);
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
    expect(post!.exitCode).toBe(0);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('workflow-command injection: nothing printed issues a command', () => {
  it('an API that reports a granted resource whose name carries commands', async () => {
    const evil = 'app\n::add-path::/tmp/evil\r::set-env name=X::y\u0085::add-mask::x ##[add-path]/tmp';
    const api = await server(async (req, forward) => {
      const answer = await forward();
      if (!req.target.endsWith('/access') || answer.status !== 200) return answer;
      const body = JSON.parse(answer.body!) as { data: { resource: { name: string } }[] };
      for (const record of body.data) record.resource.name = evil;
      return json(200, body);
    }, fake.url);
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'api-url': api.url }), debug: true });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/^PlanetScale accepted the grants but does not report read_branch on database "app" as granted/);
    for (const step of [main, post!]) {
      expect(foreignCommands(step)).toEqual([]);
      expect(step.path).toEqual([]);
      expect(step.env).toEqual({});
    }
  });

  it('an expires_at that is not a date: the expiry is computed from the TTL instead', async () => {
    const api = await server(async (req, forward) => {
      const answer = await forward();
      if (req.method !== 'POST' || !req.target.endsWith('/service-tokens') || answer.status !== 200) return answer;
      return json(200, { ...(JSON.parse(answer.body!) as object), expires_at: 'soon\n::add-path::/tmp/evil' });
    }, fake.url);
    const before = Date.now();
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'api-url': api.url, ttl: '15m' }), debug: true });
    expect(main.exitCode).toBe(0);
    const expiresAt = Date.parse(main.outputs['expires-at']!);
    expect(main.outputs['expires-at']).toBe(new Date(expiresAt).toISOString());
    expect(expiresAt).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    for (const step of [main, post!]) {
      expect(foreignCommands(step)).toEqual([]);
      expect(step.path).toEqual([]);
    }
  });

  it('a token name with commands in it is normalised, and nothing is issued', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ name: '::add-path::/tmp\n##[set-env name=X]y' }), debug: true });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['name']).toMatch(/^add-path-tmp-set-env-name-x-y-[a-z0-9]{6}$/);
    for (const step of [main, post!]) {
      expect(foreignCommands(step)).toEqual([]);
      expect(step.path).toEqual([]);
    }
  });
});

describe('normalised, not refused', () => {
  it('CRLF line endings, tabs, trailing commas, repeats and padding', async () => {
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs({
        org: ' acme\t',
        database: '\tapp ',
        accesses: 'read_branch,\tcreate_branch,, read_branch,\r\n  analytics :\tread_branch , read_branch,\r\n\r\n',
        'org-accesses': ' read_databases,\r\nread_databases, ',
        ttl: ' 15m\r\n',
        'export-env': ' true ',
      }),
    });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(post!.exitCode).toBe(0);
    // POST only: the read of the minting token's own accesses (GET …/service-tokens/{id}) runs alongside the create.
    const grants = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/access')).map((r) => r.body);
    expect(grants).toEqual(
      expect.arrayContaining([
        { database: 'app', access: ['read_branch', 'create_branch'] },
        { database: 'analytics', access: ['read_branch'] },
        { database: '', access: ['read_databases'] },
      ]),
    );
    expect(grants).toHaveLength(3);
    expect(fake.requests.find((r) => r.method === 'POST')!.body).toMatchObject({ ttl: 900 });
  });
});

describe('generated hostile inputs through the built action', () => {
  it(`either refused cleanly before any request, or only well-formed requests (${ACTION_RUNS} runs, 2 of them fixed examples)`, async () => {
    // api-url: the fake, or a generated value only when the action would refuse it: no test may
    // reach beyond 127.0.0.1, and '' means https://api.planetscale.com. The placeholders of the
    // plausible credentials become real ones.
    const offline = (u: string) => {
      const parsed = parseApiUrl(u.trim());
      return !parsed.ok || parsed.value === fake.url ? u : fake.url;
    };
    const url = fc.oneof(fc.constant(fake.url), hostileString);
    const real = (v: string) => v.replace('mintid123456', minting.id).replace('pscale_tkn_minting', minting.token);
    let refused = 0;
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(hostileInputs(url), async (generated) => {
        // An environment variable cannot hold NUL, so no runner can pass one: dropped here.
        const values = Object.fromEntries(Object.entries(generated).map(([k, v]) => [k, real(v).replaceAll('\u0000', '')]));
        values['api-url'] = offline(values['api-url']!);
        fake.clearRequests();
        const { main, post } = await runJob({ actionDir, inputs: values });
        const requests = fake.requests.map((r) => `${r.method} ${r.path}`);
        expect(main.stdout + main.stderr + post!.stdout + post!.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        for (const step of [main, post!]) {
          expect(foreignCommands(step)).toEqual([]);
          expect(step.path).toEqual([]);
        }
        const inputErrors = main.errors.filter((e) => e.startsWith('Input "'));
        if (inputErrors.length > 0) {
          refused++;
          expect(main.exitCode).toBe(1);
          expect(inputErrors).toEqual(main.errors);
          // A readable list, however much was pasted: at most 10 problems per input plus a note.
          expect(main.errors.length).toBeLessThanOrEqual(INPUT_NAMES.length * 11);
          for (const e of main.errors) expect(INPUT_NAMES).toContain(/^Input "([^"]+)": /.exec(e)?.[1]);
          expect(requests).toEqual([]);
          return;
        }
        reached++;
        expect(requests.length).toBeGreaterThan(0);
        for (const request of requests) {
          expect(request).toMatch(
            /^(POST|GET|DELETE) \/v1\/organizations\/[A-Za-z0-9][A-Za-z0-9_.-]*\/(service-tokens(\/[a-z0-9]+(\/access)?)?|databases\/[A-Za-z0-9][A-Za-z0-9_.-]*(\/branches\/[A-Za-z0-9][A-Za-z0-9_.-]*\/(passwords|roles)(\/[A-Za-z0-9_-]+)?)?)$/,
          );
          expect(request.split('/')[3]).toBe(values['org']!.trim());
        }
        // Nothing is left alive, unless the job asked for that (cleanup: false): then it is this
        // job's token only, deleted here so the next run starts clean.
        const alive = fake.mintedTokens();
        if (['false', 'False', 'FALSE'].includes(values['cleanup']!.trim()) && main.exitCode === 0) {
          expect(alive.map((t) => t.id)).toEqual([main.outputs['service-token-id']]);
          for (const token of alive) {
            await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${token.id}`, {
              method: 'DELETE',
              headers: { Authorization: `${minting.id}:${minting.token}` },
            });
          }
        } else {
          expect(alive).toEqual([]);
        }
      }),
      // No shrinking: each case is a whole job, and the first counterexample says enough. Two
      // examples run first, so that both outcomes are always exercised: one refused, one minted.
      {
        numRuns: ACTION_RUNS,
        endOnFailure: true,
        examples: [
          [
            {
              ...inputs({ 'minting-token-id': 'mintid123456', 'minting-token': 'pscale_tkn_minting' }),
              'api-token': '',
              'org-accesses': 'read_databases,',
              ttl: '15m',
              name: '',
              'export-env': 'true',
              cleanup: 'true',
            },
          ],
          [
            {
              ...inputs({ 'minting-token-id': 'mintid123456', 'minting-token': 'pscale_tkn_minting' }),
              org: '../../x',
              database: 'a/b',
              accesses: 'x\n::add-path::/tmp',
              'api-url': 'http://0.0.0.0:1',
            },
          ],
        ],
      },
    );
    expect(refused).toBeGreaterThan(0);
    expect(reached).toBeGreaterThan(0);
    expect(refused + reached).toBe(ACTION_RUNS); // the examples count among the runs
  }, 120_000);
});
