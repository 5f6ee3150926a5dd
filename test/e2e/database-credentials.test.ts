// Database credentials end to end: the built action, run as the runner runs it, against the fake
// PlanetScale API's branch passwords and roles. Each role (Postgres) or password (MariaDB) is a
// real login on a real server (test/databases/), and a later step migrates with the exported URL as it is, TLS
// verification on: after post the role is refused and what the migration made is still there.
// Failures, lost answers and cancellations leave no credential alive; bad input for the new
// inputs is refused before any call.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob, runStep, type StepResult } from '../harness/index.ts';
import { startPostgres, type PostgresServer } from '../databases/postgres.ts';
import { describeWithMariaDb, startMariaDb, type MariaDbServer } from '../databases/mariadb.ts';
import { CREDENTIAL_ACCESSES, MINTING_ORG, createBranch, liveCredentials } from './branch-credentials.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
const clientStep = fileURLToPath(new URL('../fixtures/db-client/step.mjs', import.meta.url));
const testCa = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url));
const run = promisify(execFile);

/** A later step of the job: node with the step's env, trusting the test CA as a runner trusts PlanetScale's. */
async function laterStep(env: Record<string, string>, mode: 'migrate' | 'connect'): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [clientStep, mode], {
      env: { PATH: process.env['PATH'] ?? '', ...env, NODE_EXTRA_CA_CERTS: testCa },
    });
    return stdout.trim();
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error).trim();
  }
}

/** No secret in a line or the summary; `masked`: the step also registered each as a mask (main does, post never sees them). */
function expectSecretsHidden(step: StepResult, secrets: string[], masked = true): void {
  for (const secret of secrets.filter(Boolean)) {
    if (masked) expect(step.masks).toContain(secret);
    expect(step.lines.filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(step.summary).not.toContain(secret);
  }
}

describe('Postgres: a role for a migration', () => {
  let postgres: PostgresServer;
  let fake: FakePlanetScale;
  let minting: { id: string; token: string };

  beforeAll(async () => {
    postgres = await startPostgres();
    fake = await FakePlanetScale.start({ backends: { postgresql: postgres } });
    fake.addOrganization('acme');
    fake.addDatabase('acme', 'shop', { kind: 'postgresql' });
    minting = fake.addServiceToken('acme', { organization: MINTING_ORG, databases: { shop: CREDENTIAL_ACCESSES } }, { name: 'minting' });
    await createBranch(fake, minting, 'shop', 'pr-7');
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
    await postgres?.stop();
  });
  beforeEach(() => fake.clearRequests());

  const inputs = (overrides: Record<string, string> = {}) => ({
    org: 'acme',
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    database: 'shop',
    branch: 'pr-7',
    'api-url': fake.url,
    ...overrides,
  });

  it('mints a role, the URL migrates with pg, post deletes it: the table stays, the URL is refused', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs(), debug: true });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    const url = main.outputs['database-url']!;
    expect(url).toMatch(/^postgresql:\/\/[^:]+:[^@]+@127\.0\.0\.1:\d+\/shop\?sslmode=verify-full$/);
    expect(main.env['DATABASE_URL']).toBe(url);
    // No API token was minted: no accesses were asked for.
    expect(fake.mintedTokens()).toEqual([]);
    expect(main.outputs['service-token']).toBeUndefined();
    const password = main.outputs['database-password']!;
    expectSecretsHidden(main, [password, encodeURIComponent(password), url]);

    expect(await laterStep({ DATABASE_URL: url }, 'migrate')).toBe('migrated');

    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs(),
      state: main.state,
      env: main.env,
      masks: main.masks,
      debug: true,
    });
    expect(post.errors).toEqual([]);
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/Deleted role ".+"\./);
    expectSecretsHidden(post, [password, url], false);
    // The delete handed what the role owned to the branch's default role.
    const deletes = fake.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.status, r.query['successor']])).toEqual([[204, expect.stringMatching(/.+/)]]);

    expect(await laterStep({ DATABASE_URL: url }, 'connect')).toMatch(/^refused: /);
    expect(await postgres.query('SELECT name FROM widgets', [], 'shop')).toEqual([{ name: 'made by the migration' }]);
  }, 120_000);
});

describeWithMariaDb('MySQL (MariaDB): a branch password for a migration', () => {
  let mariadb: MariaDbServer;
  let fake: FakePlanetScale;
  let minting: { id: string; token: string };

  beforeAll(async () => {
    mariadb = await startMariaDb();
    fake = await FakePlanetScale.start({ backends: { mysql: mariadb } });
    fake.addOrganization('acme');
    fake.addDatabase('acme', 'app');
    minting = fake.addServiceToken('acme', { organization: MINTING_ORG, databases: { app: CREDENTIAL_ACCESSES } }, { name: 'minting' });
    await createBranch(fake, minting, 'app', 'pr-8');
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
    await mariadb?.stop();
  });

  it('mints a password and a token, the URL migrates with mysql2, post deletes both: the table stays, the URL is refused', async () => {
    const inputs = {
      org: 'acme',
      'minting-token-id': minting.id,
      'minting-token': minting.token,
      database: 'app',
      accesses: 'read_branch',
      branch: 'pr-8',
      'api-url': fake.url,
    };
    const main = await runStep({ actionDir, step: 'main', inputs, debug: true });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    const url = main.outputs['database-url']!;
    expect(url).toMatch(/^mysql:\/\/[^:]+:[^@]+@127\.0\.0\.1:\d+\/app\?sslaccept=strict&ssl=/);
    expect(fake.mintedTokens()).toHaveLength(1);
    expectSecretsHidden(main, [main.outputs['database-password']!, url, main.outputs['service-token']!]);

    expect(await laterStep({ DATABASE_URL: url }, 'migrate')).toBe('migrated');

    const post = await runStep({ actionDir, step: 'post', inputs, state: main.state, env: main.env, masks: main.masks });
    expect(post.errors).toEqual([]);
    expect(post.exitCode).toBe(0);
    // The credential first, then the token.
    const deletes = fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
    expect(deletes).toEqual([expect.stringMatching(/\/branches\/pr-8\/passwords\//), expect.stringMatching(/\/service-tokens\//)]);
    expect(fake.mintedTokens()).toEqual([]);
    expect(await laterStep({ DATABASE_URL: url }, 'connect')).toMatch(/^refused: /);
    expect(await mariadb.query('SELECT name FROM app.widgets')).toEqual([{ name: 'made by the migration' }]);
  }, 120_000);
});

describe('failures leave nothing alive (credentials modelled by the fake)', () => {
  let fake: FakePlanetScale;
  let minting: { id: string; token: string };

  beforeAll(async () => {
    fake = await FakePlanetScale.start();
    fake.addOrganization('acme');
    fake.addDatabase('acme', 'app');
    fake.addDatabase('acme', 'shop', { kind: 'postgresql' });
    minting = fake.addServiceToken(
      'acme',
      { organization: MINTING_ORG, databases: { app: CREDENTIAL_ACCESSES, shop: CREDENTIAL_ACCESSES } },
      { name: 'minting' },
    );
    await createBranch(fake, minting, 'app', 'dev');
    await createBranch(fake, minting, 'shop', 'dev');
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.clearRequests();
    fake.faults.clear();
  });

  const inputs = (overrides: Record<string, string> = {}) => ({
    org: 'acme',
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    database: 'app',
    branch: 'dev',
    'api-url': fake.url,
    ...overrides,
  });

  it('a password and a token: the URL is masked in every form, post deletes the password first, then the token', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs({ accesses: 'read_branch' }), debug: true });
    expect(main.errors).toEqual([]);
    const url = main.outputs['database-url']!;
    const password = main.outputs['database-password']!;
    expect(url).toMatch(/^mysql:\/\/[^:]+:[^@]+@aws\.connect\.psdb\.cloud:3306\/app\?sslaccept=strict&ssl=/);
    expect(main.env['DATABASE_URL']).toBe(url);
    for (const secret of [password, encodeURIComponent(password), url, main.outputs['service-token']!]) {
      expect(main.masks).toContain(secret);
      expect(main.lines.filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))).toEqual([]);
    }
    fake.clearRequests();
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs({ accesses: 'read_branch' }),
      state: main.state,
      env: main.env,
      masks: main.masks,
    });
    expect(post.exitCode).toBe(0);
    const deletes = fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
    expect(deletes).toEqual([expect.stringMatching(/\/branches\/dev\/passwords\//), expect.stringMatching(/\/service-tokens\//)]);
    expect(liveCredentials(fake, { mysql: ['app'] })).toEqual([]);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a grant refused after the password exists: main deletes both before failing', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ accesses: 'nope: read_branch' }) });
    expect(main.exitCode).toBe(1);
    expect(main.maskedLog).toMatch(/Deleted branch password ".+" after the failure, so nothing is left alive\./);
    expect(post!.exitCode).toBe(0);
    expect(liveCredentials(fake, { mysql: ['app'], postgresql: ['shop'] })).toEqual([]);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a role asked of a Vitess database: refused before anything is created', async () => {
    const { main } = await runJob({ actionDir, inputs: inputs({ role: 'pg_read_all_data' }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      expect.stringMatching(/^Input "role": pg_read_all_data is a role for a Postgres database, but "app" is a Vitess \(MySQL\) database/),
    ]);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a create whose answer is lost: found by its name and deleted', async () => {
    fake.faults.script({ method: 'POST', path: /\/branches\/dev\/passwords$/ }, { kind: 'drop-after' });
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect(main.exitCode).toBe(0);
    expect(main.maskedLog).toMatch(
      /The failed create call may have reached PlanetScale: deleting any branch password ".+" before trying again\./,
    );
    expect(post!.exitCode).toBe(0);
    expect(liveCredentials(fake, { mysql: ['app'], postgresql: ['shop'] })).toEqual([]);
  });

  it('DELETE 404 while the password is still listed: deleted by the listed ID', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs() });
    expect(main.exitCode).toBe(0);
    const notFound = { kind: 'status' as const, status: 404, body: { code: 'not_found', message: 'Not Found' } };
    fake.faults.script({ method: 'DELETE', path: /\/passwords\/[^/]+$/ }, notFound);
    fake.faults.script({ method: 'GET', path: /\/passwords\/[^/]+$/ }, notFound);
    const post = await runStep({ actionDir, step: 'post', inputs: inputs(), state: main.state, env: main.env, masks: main.masks });
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toMatch(/is still listed by its name: deleting it by the listed ID\./);
    expect(post.maskedLog).not.toMatch(/already gone/);
    expect(liveCredentials(fake, { mysql: ['app'], postgresql: ['shop'] })).toEqual([]);
  });

  it('SIGINT while the password create answer is on its way: main finds it by name and deletes it', async () => {
    const CREATE = { method: 'POST', path: /\/branches\/dev\/passwords$/ };
    fake.faults.script(CREATE, { kind: 'late-answer', delayMs: 8000 });
    const creating = fake.arrival('POST', CREATE.path);
    const { main, post } = await runJob({ actionDir, inputs: inputs(), signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: creating } });
    expect(main.exitCode).toBe(1);
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(main.maskedLog).toMatch(/Deleted branch password ".+", created before the failure\./);
    expect(post!.exitCode).toBe(0);
    expect(liveCredentials(fake, { mysql: ['app'], postgresql: ['shop'] })).toEqual([]);
  });

  it('a role on Postgres, with a token: two uses in one job, posts in reverse, all gone', async () => {
    const first = await runStep({
      actionDir,
      step: 'main',
      inputs: inputs({ branch: '', database: 'shop', accesses: 'create_branch read_branch' }),
    });
    expect(first.exitCode).toBe(0);
    // The stand-in for `pscale branch create shop ci-1`, with the token the first use minted.
    await createBranch(fake, { id: first.outputs['service-token-id']!, token: first.outputs['service-token']! }, 'shop', 'ci-1');
    const secondInputs = inputs({ database: 'shop', branch: 'ci-1' });
    const second = await runStep({ actionDir, step: 'main', inputs: secondInputs, env: first.env, masks: first.masks });
    expect(second.errors).toEqual([]);
    expect(second.exitCode).toBe(0);
    const env = { ...first.env, ...second.env };
    const masks = [...first.masks, ...second.masks];
    const post2 = await runStep({ actionDir, step: 'post', inputs: secondInputs, state: second.state, env, masks });
    expect(post2.exitCode).toBe(0);
    const post1 = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs({ branch: '', database: 'shop', accesses: 'create_branch read_branch' }),
      state: first.state,
      env: { ...env, ...post2.env },
      masks,
    });
    expect(post1.exitCode).toBe(0);
    expect(liveCredentials(fake, { mysql: ['app'], postgresql: ['shop'] })).toEqual([]);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('bad input for the new inputs: refused before any call', () => {
  let fake: FakePlanetScale;
  beforeAll(async () => {
    fake = await FakePlanetScale.start();
  });
  afterAll(() => fake.close());

  it.each([
    ['branch', { branch: 'a/b' }, /^Input "branch": "a\/b" is not a PlanetScale branch name/],
    ['branch without database', { database: '', branch: 'dev' }, /^Input "branch": needs the database input/],
    ['role', { role: 'owner' }, /^Input "role": "owner" is not a role PlanetScale knows/],
    ['cidrs', { cidrs: '10.0.0.300' }, /^Input "cidrs": "10.0.0.300" is not an IP address or CIDR range/],
    ['database-url-env', { 'database-url-env': 'GITHUB_ENV' }, /^Input "database-url-env": "GITHUB_ENV" is a variable the runner/],
  ])('%s', async (_, overrides, error) => {
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs: {
        org: 'acme',
        'minting-token-id': 'mintid123456',
        'minting-token': 'pscale_tkn_x',
        database: 'app',
        branch: 'dev',
        'api-url': fake.url,
        ...overrides,
      },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(error)]);
    expect(main.stderr).not.toMatch(/\bat .+\.js:\d+/); // no stack trace
    expect(fake.requests).toEqual([]);
  });
});
