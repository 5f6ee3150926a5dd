// The failure matrix: the built action, run as the runner runs it (test/harness), against the fake
// API with scripted faults (test/fake-planetscale/faults.ts). Every case asserts the exit codes and
// that zero minted tokens remain on the fake at the end.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale, type Fault, type FaultMatch } from '../fake-planetscale/index.ts';
import { runJob, runStep, type StepResult } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };

const MINTING_ACCESSES = {
  organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
  databases: { app: ['read_branch', 'create_branch'], analytics: ['read_branch'] },
};

const CREATE: FaultMatch = { method: 'POST', path: '/v1/organizations/acme/service-tokens' };
const LIST: FaultMatch = { method: 'GET', path: '/v1/organizations/acme/service-tokens' };
const GRANT: FaultMatch = { method: 'POST', path: /^\/v1\/organizations\/acme\/service-tokens\/[^/]+\/access$/ };
const DELETE: FaultMatch = { method: 'DELETE', path: /^\/v1\/organizations\/acme\/service-tokens\/[^/]+$/ };
const status = (code: number, headers?: Record<string, string>): Fault => ({ kind: 'status', status: code, headers });

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  for (const db of ['app', 'analytics', 'logs']) fake.addDatabase('acme', db);
  minting = fake.addServiceToken('acme', MINTING_ACCESSES, { name: 'minting' });
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());
afterEach(async () => {
  fake.faults.clear();
  // A failed case must not leave tokens that make the next one fail too.
  for (const token of fake.mintedTokens()) {
    await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
  }
});

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    org: 'acme',
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    accesses: 'app: read_branch create_branch\nanalytics: read_branch',
    'org-accesses': 'read_databases',
    'api-url': fake.url,
    ...overrides,
  };
}

const calls = (match: FaultMatch) =>
  fake.requests.filter(
    (r) => r.method === match.method && (typeof match.path === 'string' ? r.path === match.path : match.path.test(r.path)),
  );

/** The info lines the client prints for each retry. */
const retryLines = (step: StepResult) =>
  step.maskedLog.split('\n').filter((line) => /^PlanetScale API .* attempt \d+( of \d+)? failed/.test(line));

function expectNothingLeft(): void {
  expect(fake.mintedTokens()).toEqual([]);
}

describe('create', () => {
  it('503 twice on create: retried after looking for a token by name each time; the job succeeds', async () => {
    fake.faults.script(CREATE, status(503), status(503));
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(retryLines(main)).toEqual([
      expect.stringMatching(
        /^PlanetScale API POST \/v1\/organizations\/acme\/service-tokens: attempt 1 of 5 failed \(HTTP 503 \(injected_fault\)\); retrying in \d+\.\d s\.$/,
      ),
      expect.stringMatching(/attempt 2 of 5 failed \(HTTP 503/),
    ]);
    // Reconciled before each retry: a 5xx may come after PlanetScale acted.
    expect(main.maskedLog.match(/may have reached PlanetScale: deleting any token named/g)).toHaveLength(2);
    expect(calls(CREATE).map((r) => r.status)).toEqual([503, 503, 200]);
    expect(calls(LIST)).toHaveLength(3); // two in main, and post looks again: a failed create may be carried out late
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('429 with Retry-After: waits as asked, creates once, no lookup (nothing was done)', async () => {
    fake.faults.script(CREATE, status(429, { 'retry-after': '1' }));
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(retryLines(main)).toEqual([
      expect.stringMatching(/attempt 1 of 12 failed \(HTTP 429 \(injected_fault\)\); retrying in 1\.[0-3] s \(Retry-After: 1\.0 s\)\.$/),
    ]);
    expect(main.durationMs).toBeGreaterThanOrEqual(1000);
    expect(calls(LIST)).toHaveLength(0);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it(
    '429 on every create: given up at CREATE_RATE_LIMITED_MS, not the deadline, saying it was rate-limited and made nothing',
    { timeout: 60_000 },
    async () => {
      // Retry-After 15 s is waited for 10 s (the cap): attempt 2 at about 10 s; a third at about
      // 20 s would pass the 20 s a rate-limited create gets. With main's 45 s deadline, there would be 4.
      fake.faults.always(CREATE, status(429, { 'retry-after': '15' }));
      const { main, post } = await runJob({ actionDir, inputs: inputs() });
      expect(main.exitCode).toBe(1);
      expect(calls(CREATE).map((r) => r.status)).toEqual([429, 429]);
      expect(main.errors).toEqual([
        'PlanetScale rate-limited creating a service token in organization "acme" (HTTP 429, code "injected_fault", after 2 attempts): ' +
          "the minting token's requests a minute, shared by every job that uses it, are spent, so no token was created. " +
          'Run fewer such jobs at once, or give each repository or team a minting token of its own. PlanetScale says: "Injected HTTP 429".',
      ]);
      // A 429 means nothing was made: no look by name, in main or post.
      expect(calls(LIST)).toHaveLength(0);
      expect(post!.exitCode).toBe(0);
      expectNothingLeft();
    },
  );

  it('create answer lost after the token was made: that token is found by name and deleted, then create again', async () => {
    fake.faults.script(CREATE, { kind: 'drop-after' });
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    const name = main.outputs['name']!;
    const made = fake.requests.filter((r) => r.method === 'POST' && r.path === CREATE.path);
    expect(made.map((r) => r.status)).toEqual([200, 200]); // both acted on; the first answer never arrived
    expect(main.maskedLog).toContain(`Deleted service token "${name}", made by the failed call.`);
    expect(main.state['look-up-by-name']).toBe('true');
    expect(post!.exitCode).toBe(0);
    expect(post!.maskedLog).toMatch(/looking for it by name/);
    expectNothingLeft();
  });

  it('connection reset before create: nothing was made, create again', async () => {
    fake.faults.script(CREATE, { kind: 'drop-before' });
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(retryLines(main)).toHaveLength(1);
    expect(calls(CREATE).map((r) => r.status)).toEqual([0, 200]);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('listing refused during reconciliation: warns that an orphan may live until its TTL, and goes on', async () => {
    const noRead = fake.addServiceToken('acme', {
      ...MINTING_ACCESSES,
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_databases'],
    });
    fake.faults.script(CREATE, status(500));
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'minting-token-id': noRead.id, 'minting-token': noRead.token }) });
    expect(main.exitCode).toBe(0);
    expect(main.warnings).toEqual([
      expect.stringMatching(
        /refused listing service tokens \(HTTP 404\): the minting token lacks read_service_tokens.*stays valid until its TTL ends/,
      ),
    ]);
    // Post deletes the token by ID; its own lookup by name is refused the same way, and warned of.
    expect(post!.exitCode).toBe(0);
    expect(post!.maskedLog).toContain(`Deleted service token "${main.outputs['name']}".`);
    expect(post!.warnings).toEqual([expect.stringMatching(/lacks read_service_tokens.*stays valid until its TTL ends/)]);
    expectNothingLeft();
  });
});

describe('grants', () => {
  it('502 on a grant: retried, the job succeeds with exactly the accesses asked', async () => {
    fake.faults.script(GRANT, status(502));
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(retryLines(main)).toEqual([
      expect.stringMatching(
        /^PlanetScale API POST \/v1\/organizations\/acme\/service-tokens\/\*\*\*\/access: attempt 1 of 5 failed \(HTTP 502/,
      ),
    ]);
    expect(JSON.parse(main.outputs['accesses']!)).toHaveLength(3);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('a grant refused for good (404): not retried; main deletes the token and fails', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ accesses: 'app: read_branch delete_branch' }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/refused granting read_branch, delete_branch on database "app" \(HTTP 404/);
    expect(calls(GRANT)).toHaveLength(2); // app and the organization, once each
    expect(retryLines(main)).toEqual([]);
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('an unknown database: not retried; main deletes the token and fails', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ accesses: 'nosuchdb: read_branch' }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/database "nosuchdb" \(HTTP 404.*the database does not exist/);
    expect(retryLines(main)).toEqual([]);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });
});

describe('post', () => {
  it('500 twice on delete in post: retried, the token is deleted', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    fake.faults.script(DELETE, status(500), status(500));
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    // The minting token comes from inputs (secrets), so nothing was sealed and post deletes
    // with the inputs' credential at once, retrying both 500s.
    expect(calls(DELETE).map((r) => r.status)).toEqual([500, 500, 204]);
    expect(retryLines(post)).toEqual([
      expect.stringMatching(/attempt 1 of 5 failed \(HTTP 500/),
      expect.stringMatching(/attempt 2 of 5 failed \(HTTP 500/),
    ]);
    expect(post.maskedLog).toContain(`Deleted service token "${main.outputs['name']}".`);
    expectNothingLeft();
  });

  it('429 on delete in post: tried again for as long as the deadline allows, not 12 times (the token must not live on)', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    fake.faults.script(DELETE, status(429, { 'retry-after': '0' }), status(429, { 'retry-after': '0' }));
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    // Nothing was sealed (the credential comes from inputs), so post deletes with it at once and
    // retries both 429s, with the rate limit's long attempt budget.
    expect(calls(DELETE).map((r) => r.status)).toEqual([429, 429, 204]);
    expect(retryLines(post)).toEqual([
      expect.stringMatching(/attempt 1 failed \(HTTP 429/),
      expect.stringMatching(/attempt 2 failed \(HTTP 429/),
    ]);
    expectNothingLeft();
  });

  it(
    '429 on delete in post past its 45 s deadline: tried on (bounded), saying so, until the token is gone',
    { timeout: 120_000 },
    async () => {
      const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
      expect(main.exitCode).toBe(0);
      // Five, each waited for 10 s (Retry-After 15 s, capped), outlast 45 s.
      fake.faults.script(DELETE, ...Array.from({ length: 5 }, () => status(429, { 'retry-after': '15' })));
      const post = await runStep({
        actionDir,
        step: 'post',
        inputs: inputs(),
        state: main.state,
        env: main.env,
        masks: main.masks,
        timeoutMs: 110_000,
      });
      expect(post.exitCode).toBe(0);
      expect(calls(DELETE).map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 204]);
      expect(
        post.maskedLog.match(
          /rate-limited \(HTTP 429\) on every attempt, past the usual time limit; trying on for at most \d+\.\d s more rather than give up\./g,
        ),
      ).toHaveLength(1);
      expect(post.maskedLog).toContain(`Deleted service token "${main.outputs['name']}".`);
      expectNothingLeft();
    },
  );

  it('a delete that keeps failing: post fails with a message naming the token, the attempts and the last error', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    fake.faults.always(DELETE, status(503));
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(1);
    expect(post.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not delete service token "${main.outputs['name']}": PlanetScale failed deleting .* \\(HTTP 503, code "injected_fault", after 5 attempts\\)`,
        ),
      ),
    ]);
    expect(post.summary).toBe(
      `**Service token \`${main.outputs['name']}\` could not be deleted by the post step**: it stays valid until ${main.outputs['expires-at']}. See the post step's log.\n`,
    );
    fake.faults.clear();
    const again = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(again.exitCode).toBe(0);
    expect(again.summary).toBe(`Service token \`${main.outputs['name']}\` was deleted by the post step.\n`);
    expectNothingLeft();
  });

  it('cleanup: false never keeps a token that main could not hand over: post deletes it', async () => {
    // The grant is refused (the minting token holds nothing on logs), and main's own delete keeps failing.
    fake.faults.always(DELETE, status(503));
    const main = await runStep({ actionDir, step: 'main', inputs: inputs({ accesses: 'logs: read_branch', cleanup: 'false' }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors.at(-1)).toMatch(/^Could not delete service token .* after the failure: .* The post step will try again/);
    expect(fake.mintedTokens()).toHaveLength(1);
    fake.faults.clear();
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs({ accesses: 'logs: read_branch', cleanup: 'false' }),
      state: main.state,
      env: main.env,
      masks: main.masks,
    });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted service token/);
    expectNothingLeft();
  });

  it('the token deleted by someone else before post: a 404 is success', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    const id = main.outputs['service-token-id']!;
    await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/was already gone/);
    expectNothingLeft();
  });

  it('post twice: the second finds nothing to do', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(post!.exitCode).toBe(0);
    fake.clearRequests();
    const again = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(again.exitCode).toBe(0);
    expect(again.maskedLog).toMatch(/was already gone/);
    // Answered 404, with the inputs' credential: the one main minted with (nothing sealed, the inputs come from secrets).
    const deletes = fake.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.status)).toEqual([404]);
    expect(deletes[0]!.credentialId).toBe(minting.id);
    expectNothingLeft();
  });
});

describe('cancellation', () => {
  it('SIGTERM while granting: main stops, deletes the token and exits non-zero before the kill', async () => {
    // The signal goes once the grant is at PlanetScale: a time from spawn would race the start.
    fake.faults.script(GRANT, { kind: 'delay', delayMs: 8000 });
    const granting = fake.arrival('POST', GRANT.path);
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(),
      signalAfterMs: { signal: 'SIGTERM', afterMs: 0, after: granting },
    });
    expect(main.exitCode).toBe(1);
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGTERM']); // exited within the 2.5 s before the kill
    expect(main.errors[0]).toMatch(/^The job was cancelled \(SIGTERM\) while the token's accesses were being granted\./);
    expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('SIGINT while the create answer is on its way: main finds the token by name and deletes it', async () => {
    fake.faults.script(CREATE, { kind: 'late-answer', delayMs: 8000 });
    const creating = fake.arrival('POST', CREATE.path);
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(),
      signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: creating },
    });
    expect(main.exitCode).toBe(1);
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(main.errors[0]).toMatch(/^The job was cancelled \(SIGINT\) while the token was being created\./);
    expect(main.maskedLog).toMatch(/Deleted service token ".+", created before the failure/);
    expect(main.state['token-id']).toBe('');
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });
});

describe('a slow or unreachable API', () => {
  it('a slow API (every answer 600 ms late): the job succeeds, nothing retried', async () => {
    fake.faults.always({ path: /^\// }, { kind: 'delay', delayMs: 600 });
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(main.durationMs).toBeGreaterThanOrEqual(1200); // create, then the grants at once
    expect(retryLines(main)).toEqual([]);
    expect(post!.exitCode).toBe(0);
    expectNothingLeft();
  });

  it('an unreachable API: fails after the attempts run out, in seconds, naming the URL and the last error', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const url = `http://127.0.0.1:${closedPort}`;
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'api-url': url }) });
    expect(main.exitCode).toBe(1);
    // "In seconds" by the waits the client took, as it logs them, not by the wall clock of a busy machine.
    expect(retryLines(main)).toHaveLength(4);
    const waited = retryLines(main).reduce((sum, line) => sum + Number(/retrying in (\d+\.\d) s/.exec(line)![1]), 0);
    expect(waited).toBeLessThan(10);
    expect(main.errors).toEqual([
      `Could not reach PlanetScale at ${url}/v1/organizations/acme/service-tokens while creating a service token in organization "acme", after 5 attempts: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${closedPort}.`,
    ]);
    // A refused connection made nothing: post has nothing to do.
    expect(post!.exitCode).toBe(0);
    expect(post!.maskedLog).toMatch(/Nothing to clean up/);
    expectNothingLeft();
  });
});
