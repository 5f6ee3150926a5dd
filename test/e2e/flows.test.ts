// The example workflows (.github/workflows/example-*.yml) run as written, for every event they
// react to, by test/workflow-runner: GitHub's parser and expression engine, `uses: ./` as the
// built dist/ through the runner harness against the fake PlanetScale API, `run:` steps in bash
// with the pscale stand-in on PATH. Each flow asserts what docs/flows.md says it does: the branches
// and deploy requests left on the fake, each token refused what its job was not given, the
// two-token approval, every minted token answering 401 once its job has ended, and the migrations
// against real servers (MariaDB with the mysql client, Postgres with psql).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeWithMariaDb, startMariaDb, type MariaDbServer } from '../databases/mariadb.ts';
import { startPostgres, type PostgresServer } from '../databases/postgres.ts';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { PscaleClient } from '../pscale-client.ts';
import { runWorkflow, type RunWorkflowOptions, type WorkflowEvent, type WorkflowRun } from '../workflow-runner/run.ts';
import { loadWorkflow, type WorkflowModel } from '../workflow-runner/workflow.ts';
import { yamlBlocks } from '../readme-blocks.ts';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PSCALE = fileURLToPath(new URL('../workflow-runner/pscale/pscale', import.meta.url));
const EXAMPLES = readdirSync(`${root}.github/workflows`)
  .filter((f) => /^example-.*\.ya?ml$/.test(f))
  .sort();
const load = (name: string): Promise<WorkflowModel> => {
  const path = `.github/workflows/${name}`;
  return loadWorkflow(path, readFileSync(`${root}${path}`, 'utf8'));
};

const SERVICE_TOKENS = ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'];
let fake: FakePlanetScale;
let secrets: Record<string, string>;
let approveSecrets: Record<string, string>;
let admin: PscaleClient;

/**
 * The fake every flow runs against; `backends`: the real servers its credentials are logins on.
 * The branch-per-pull-request flows migrate with a branch password, so app's minting token may
 * make and delete one.
 */
async function startFake(backends: Parameters<typeof FakePlanetScale.start>[0] = {}): Promise<void> {
  fake = await FakePlanetScale.start(backends);
  fake.addOrganization('acme');
  // The setting that makes PlanetScale refuse a token's approval of its own deploy request.
  fake.addDatabase('acme', 'app', { requireApprovalForDeploy: true });
  fake.addDatabase('acme', 'analytics');
  fake.addDatabase('acme', 'billing');
  // The repository's minting token: everything the examples delegate except approving.
  const minting = fake.addServiceToken('acme', {
    organization: SERVICE_TOKENS,
    databases: {
      app: [
        'create_branch',
        'read_branch',
        'delete_branch',
        'create_deploy_request',
        'read_deploy_request',
        'connect_branch',
        'delete_branch_password',
      ],
      analytics: ['create_branch', 'read_branch', 'delete_branch'],
      billing: ['create_branch', 'read_branch', 'delete_branch'],
    },
  });
  // The planetscale-approve environment's minting token: the only one that may approve.
  const approver = fake.addServiceToken('acme', {
    organization: SERVICE_TOKENS,
    databases: { app: ['approve_deploy_request', 'read_deploy_request'] },
  });
  secrets = { PLANETSCALE_MINT_TOKEN_ID: minting.id, PLANETSCALE_MINT_TOKEN: minting.token };
  approveSecrets = { PLANETSCALE_APPROVE_MINT_TOKEN_ID: approver.id, PLANETSCALE_APPROVE_MINT_TOKEN: approver.token };
  admin = new PscaleClient({ ...minting, org: 'acme', apiUrl: fake.url });
}
beforeEach(() => startFake());
afterEach(() => fake.close());

const pullRequest = (action: string, number: number, extra: { merged?: boolean; fork?: boolean } = {}): WorkflowEvent => ({
  name: 'pull_request',
  payload: {
    action,
    number,
    pull_request: {
      number,
      title: `Change #${number}`,
      merged: extra.merged ?? false,
      head: { repo: { full_name: extra.fork ? 'mallory/shop' : 'acme/shop' } },
    },
  },
});
const dispatch = (inputs: Record<string, string> = {}): WorkflowEvent => ({ name: 'workflow_dispatch', payload: { inputs } });

/** Runs one example file for one event, then checks that every token it minted is dead. */
async function run(file: string, event: WorkflowEvent, options: Partial<RunWorkflowOptions> = {}): Promise<WorkflowRun> {
  const result = await runWorkflow({
    workflow: options.workflow ?? (await load(file)),
    event,
    actionDir: root,
    apiUrl: fake.url,
    secrets,
    vars: { PLANETSCALE_ORG: 'acme' },
    environments: { 'planetscale-approve': { secrets: approveSecrets } },
    ...options,
  });
  for (const token of result.minted) {
    expect(fake.token(token.id)?.deleted).toBe(true);
    const reply = await new PscaleClient({ ...token, org: 'acme', apiUrl: fake.url }).organizations();
    expect(reply.status).toBe(401);
  }
  expect(fake.mintedTokens()).toEqual([]);
  return result;
}

/**
 * pscale (the stand-in) run with a job's env, as a next step in that job would run it. Not
 * spawnSync: the fake API answers from this process, which must stay free to answer.
 */
function pscale(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(PSCALE, args, { env }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** What pscale adds to a 404 seen with a valid service token (HandleNotFoundWithServiceTokenCheck,
 * https://github.com/planetscale/cli/blob/main/internal/cmdutil/auth.go). */
const note = (access: string): string =>
  `\n\nNote: You are using a service token for authentication. If this resource exists, your service token may not have the required '${access}' permission to access it. Please check your service token permissions\n`;

const logs = (result: WorkflowRun): string =>
  result.jobs.flatMap((j) => j.steps.map((s) => `[${j.id}/${s.id}] ${s.outcome}\n${s.log}`)).join('\n');

/** The events each example reacts to, each exercised below; a file reacting to another one fails here. */
const HANDLED: Record<string, string[]> = {
  'example-branch-per-pull-request.yml': [
    'pull_request:opened',
    'pull_request:synchronize',
    'pull_request:reopened',
    'pull_request:closed',
  ],
  'example-deploy-request-on-merge.yml': ['pull_request:closed'],
  'example-deploy-request-approval.yml': ['workflow_dispatch'],
  'example-matrix.yml': ['schedule', 'workflow_dispatch'],
  'example-postgres-migration.yml': ['pull_request:opened', 'pull_request:synchronize', 'pull_request:reopened', 'pull_request:closed'],
};

describe('the example workflows', () => {
  it('are all covered: every example file and every event it reacts to has a run below', async () => {
    expect(EXAMPLES).toEqual(Object.keys(HANDLED).sort());
    for (const file of EXAMPLES) {
      const { events } = await load(file);
      const reacted = Object.entries(events).flatMap(([name, e]) => (e.types ?? ['']).map((t) => (t ? `${name}:${t}` : name)));
      expect(reacted.sort(), file).toEqual([...HANDLED[file]!].sort());
    }
  });
});

describe("the README's first workflow, as written", () => {
  // The block under "A first workflow", with the README's placeholder for the action's ref as the
  // one change: here the action is the built dist/ (`uses: ./`).
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## A first workflow'));
  const block = yamlBlocks(section).find((b) => !b.fragment)!;
  const first = (): Promise<WorkflowModel> =>
    loadWorkflow('README.md', block.content.replace(/uses: <owner>\/<repo>@<commit SHA of v1>/, 'uses: ./'));

  async function runFirst(event: WorkflowEvent, options: Partial<RunWorkflowOptions> = {}): Promise<WorkflowRun> {
    return run('', event, { workflow: await first(), ...options });
  }

  it('opened, synchronize, reopened, closed: the branch is made once, reused, then deleted, each token with its part only', async () => {
    expect(block.content).toContain('uses: <owner>/<repo>@<commit SHA of v1>');
    const opened = await runFirst(pullRequest('opened', 12));
    expect(opened.results, logs(opened)).toEqual({ branch: 'success' });
    expect(fake.branches('acme', 'app')).toEqual(['main', 'pr-12']);
    expect(fake.token(opened.minted[0]!.id)?.accesses.databases).toEqual({ app: ['read_branch', 'create_branch'] });

    // A second push: the branch exists, and the run passes again without a second create.
    for (const action of ['synchronize', 'reopened']) {
      const again = await runFirst(pullRequest(action, 12));
      expect(again.results, logs(again)).toEqual({ branch: 'success' });
      expect(fake.branches('acme', 'app')).toEqual(['main', 'pr-12']);
    }

    const closed = await runFirst(pullRequest('closed', 12), {
      probe: async ({ env }) => {
        // The closing token deletes, and cannot create.
        expect((await pscale(env, 'branch', 'create', 'app', 'other')).status).toBe(2);
      },
    });
    expect(closed.results, logs(closed)).toEqual({ branch: 'success' });
    expect(fake.token(closed.minted[0]!.id)?.accesses.databases).toEqual({ app: ['read_branch', 'delete_branch'] });
    expect(fake.branches('acme', 'app')).toEqual(['main']);
  });

  it('a pull request from a fork: nothing runs, nothing is minted', async () => {
    const opened = await runFirst(pullRequest('opened', 13, { fork: true }), { secrets: {} });
    expect(opened.results).toEqual({ branch: 'skipped' });
    expect(opened.minted).toEqual([]);
  });

  it('reacts to the pull request events it handles above, and to no other', async () => {
    const { events } = await first();
    expect(events['pull_request']?.types).toEqual(['opened', 'synchronize', 'reopened', 'closed']);
    expect(Object.keys(events)).toEqual(['pull_request']);
  });
});

/** The test CA stands in for the runner's system trust store, which the examples point their clients at. */
const TEST_CA = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url));
const withTestCa = async (file: string, edit: (text: string) => string = (t) => t): Promise<WorkflowModel> =>
  loadWorkflow(
    file,
    edit(readFileSync(`${root}.github/workflows/${file}`, 'utf8').replaceAll('/etc/ssl/certs/ca-certificates.crt', TEST_CA)),
  );

describeWithMariaDb('branch per pull request, migrated with a branch password (a real MariaDB server, mysql), then deploy on merge', () => {
  const PR = 'example-branch-per-pull-request.yml';
  const MERGE = 'example-deploy-request-on-merge.yml';
  let mariadb: MariaDbServer;

  beforeAll(async () => {
    mariadb = await startMariaDb();
  }, 120_000);
  afterAll(() => mariadb?.stop());
  beforeEach(async () => {
    // This block's own fake: its branch passwords are real users on the server, and each test
    // starts with an empty app database there (made anew: the fake makes each database once).
    await fake.close();
    for (const database of ['app', 'free']) await mariadb.query(`DROP DATABASE IF EXISTS ${database}`);
    await mariadb.query('CREATE DATABASE app');
    await startFake({ backends: { mysql: mariadb } });
  });

  const runPr = async (event: WorkflowEvent, options: Partial<RunWorkflowOptions> = {}): Promise<WorkflowRun> =>
    run(PR, event, { workflow: await withTestCa(PR), ...options });
  const livePasswords = (): string[] =>
    fake
      .passwords('acme', 'app')
      .filter((p) => !p.deleted)
      .map((p) => p.name);

  /**
   * `SELECT 1` through the mysql client, with the Migrate step's options and the parts of the
   * exported DATABASE_URL, trusting the test CA: 'connected', or what the client said.
   */
  const mysqlClient = (databaseUrl: string): Promise<string> => {
    const url = new URL(databaseUrl);
    return new Promise((resolve) => {
      execFile(
        'mysql',
        [
          `--host=${url.hostname}`,
          `--port=${url.port}`,
          `--user=${decodeURIComponent(url.username)}`,
          url.pathname.slice(1),
          `--ssl-ca=${TEST_CA}`,
          '--loose-ssl-mode=VERIFY_IDENTITY',
          '--loose-ssl-verify-server-cert',
          '-e',
          'SELECT 1',
        ],
        { env: { PATH: process.env['PATH'] ?? '', MYSQL_PWD: decodeURIComponent(url.password) } },
        (err, _out, stderr) => resolve(err ? stderr : 'connected'),
      );
    });
  };

  it('opened, synchronize, reopened: the branch once, a password each run that migrates and is deleted; the table stays', async () => {
    const urls: string[] = [];
    const opened = await runPr(pullRequest('opened', 42), {
      probe: async ({ env }) => {
        // Refused what create-branch was not given (PlanetScale answers 404 for a missing access),
        // in pscale's words.
        const del = await pscale(env, 'branch', 'delete', 'app', 'pr-42', '--force');
        expect(del.status).toBe(2);
        expect(del.stderr).toBe(`Error: database app or branch pr-42 does not exist in organization acme${note('delete_branch')}`);
        expect((await pscale(env, 'deploy-request', 'create', 'app', 'pr-42')).stderr).toBe('Error: database app does not exist in acme\n');
        expect((await pscale(env, 'branch', 'create', 'analytics', 'pr-42')).stderr).toBe(
          `Error: source database analytics does not exist in organization acme${note('read_branch')}`,
        );
      },
    });
    expect(opened.results, logs(opened)).toEqual({ 'create-branch': 'success', 'delete-branch': 'skipped' });
    const steps = opened.jobs.find((j) => j.id === 'create-branch')!.steps;
    expect(steps.find((s) => s.name === 'Create the branch')!.log).toContain('Branch pr-42 was successfully created.');
    expect(fake.branches('acme', 'app')).toEqual(['main', 'pr-42']);
    // One token, for pscale, with its part only; the password needs none.
    expect(opened.minted).toHaveLength(1);
    expect(fake.token(opened.minted[0]!.id)?.accesses.databases).toEqual({ app: ['create_branch', 'read_branch'] });

    for (const action of ['synchronize', 'reopened']) {
      const again = await runPr(pullRequest(action, 42), {
        probe: async ({ env }) => {
          // While the job runs, the password connects; after the job, it is refused (below).
          urls.push(env['DATABASE_URL']!);
          expect(await mysqlClient(env['DATABASE_URL']!)).toBe('connected');
        },
      });
      expect(again.results, logs(again)).toEqual({ 'create-branch': 'success', 'delete-branch': 'skipped' });
      expect(fake.branches('acme', 'app')).toEqual(['main', 'pr-42']);
      // The password and the URL are masked, and no line of the step, unmasked, carries them
      // but its mask lines; the Migrate step gets the password in env only.
      const db = again.jobs.find((j) => j.id === 'create-branch')!.steps.find((s) => s.id === 'db')!.main!;
      for (const secret of [db.outputs['database-password']!, db.outputs['database-url']!]) {
        expect(secret.length).toBeGreaterThan(8);
        expect(db.masks).toContain(secret);
        expect(db.lines.filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))).toEqual([]);
      }
    }
    expect(fake.passwords('acme', 'app', 'pr-42')).toHaveLength(3);
    expect(livePasswords()).toEqual([]);
    // What the migration made is there.
    expect(await mariadb.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'app'")).toEqual([
      { t: 'widgets' },
    ]);
    // Each run's password is refused once its job has ended: by the server, over verified TLS.
    expect(urls).toHaveLength(2);
    expect(urls[0]).not.toBe(urls[1]);
    for (const url of urls) expect(await mysqlClient(url)).toMatch(/Access denied for user/);
    // Not for this file: the merge workflow ignores an opened pull request.
    expect((await run(MERGE, pullRequest('opened', 42))).triggered).toBe(false);
  });

  it('a migration that fails fails the job, and the password is deleted all the same', async () => {
    const workflow = await withTestCa(PR, (t) => t.replace('CREATE TABLE IF NOT EXISTS widgets', 'CREATE TABLE no_such_schema.widgets'));
    const result = await run(PR, pullRequest('opened', 43), { workflow });
    expect(result.results).toEqual({ 'create-branch': 'failure', 'delete-branch': 'skipped' });
    expect(result.jobs.find((j) => j.id === 'create-branch')!.steps.find((s) => s.name === 'Migrate')!.outcome).toBe('failure');
    expect(fake.passwords('acme', 'app', 'pr-43')).toHaveLength(1);
    expect(livePasswords()).toEqual([]);
  });

  it('closed without merging: deletes the branch; the merge workflow does nothing', async () => {
    await runPr(pullRequest('opened', 7));
    const closed = await runPr(pullRequest('closed', 7), {
      probe: async ({ id, env }) => {
        if (id !== 'delete-branch') return;
        expect((await pscale(env, 'branch', 'create', 'app', 'other')).stderr).toBe(
          `Error: source database app does not exist in organization acme${note('create_branch')}`,
        );
      },
    });
    expect(closed.results).toEqual({ 'create-branch': 'skipped', 'delete-branch': 'success' });
    const merge = await run(MERGE, pullRequest('closed', 7));
    expect(merge.results).toEqual({ open: 'skipped', approve: 'skipped', deploy: 'skipped', close: 'skipped' });
    expect(merge.minted).toEqual([]);
    expect(fake.branches('acme', 'app')).toEqual(['main']);
    expect(fake.deployRequests('acme', 'app')).toEqual([]);
  });

  it('merged: opens a deploy request, a second token approves it, it is deployed and the branch deleted', async () => {
    expect((await runPr(pullRequest('opened', 42))).results['create-branch']).toBe('success');
    const closedMerged = pullRequest('closed', 42, { merged: true });
    const branchFile = await runPr(closedMerged);
    expect(branchFile.results).toEqual({ 'create-branch': 'skipped', 'delete-branch': 'skipped' });
    expect(fake.branches('acme', 'app')).toEqual(['main', 'pr-42']); // handed over, not deleted

    const merge = await run(MERGE, closedMerged, {
      probe: async ({ id, env }) => {
        // Each job's token is refused the other jobs' work.
        if (id === 'open') {
          expect((await pscale(env, 'deploy-request', 'review', 'app', '1', '--approve')).stderr).toBe(
            "Error: deploy request 'app/1' does not exist in organization acme\n",
          );
        }
        if (id === 'approve') {
          expect((await pscale(env, 'deploy-request', 'deploy', 'app', '1')).status).toBe(2);
          expect((await pscale(env, 'branch', 'delete', 'app', 'pr-42', '--force')).status).toBe(2);
        }
      },
    });
    expect(merge.results, logs(merge)).toEqual({ open: 'success', approve: 'success', deploy: 'success', close: 'skipped' });
    const [open, approve, deploy] = merge.minted;
    expect(new Set([open!.id, approve!.id, deploy!.id]).size).toBe(3);
    // The deploy request: opened by open's token, approved by approve's, deployed by deploy's.
    expect(fake.deployRequests('acme', 'app')).toEqual([
      {
        number: 1,
        branch: 'pr-42',
        state: 'closed',
        approved: true,
        deploymentState: 'complete',
        // The pull request's migration, read off the real server against the branch's start.
        diff: ['+widgets'],
        createdBy: open!.id,
        reviews: [{ state: 'approved', by: approve!.id }],
        deployedBy: deploy!.id,
      },
    ]);
    // Nothing piles up: the merged pull request's branch is gone.
    expect(fake.branches('acme', 'app')).toEqual(['main']);
    expect(merge.jobs.find((j) => j.id === 'open')!.outputs).toEqual({ number: '1', changes: 'true' });
  });

  it('merged while PlanetScale still computes the diff: open waits for it, then the change is deployed', async () => {
    expect((await runPr(pullRequest('opened', 44))).results['create-branch']).toBe('success');
    // The first read after the create says pending: the loop sleeps once, and reads ready.
    fake.answerPendingFor(1);
    const merge = await run(MERGE, pullRequest('closed', 44, { merged: true }));
    expect(merge.results, logs(merge)).toEqual({ open: 'success', approve: 'success', deploy: 'success', close: 'skipped' });
    const reads = fake.requests.filter((r) => r.method === 'GET' && /\/deploy-requests\/1$/.test(r.path));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(fake.deployRequests('acme', 'app')).toMatchObject([{ deploymentState: 'complete', diff: ['+widgets'] }]);
    expect(fake.branches('acme', 'app')).toEqual(['main']);
  }, 30_000);

  it('merged with no schema change: the deploy request has nothing to deploy, and is closed with its branch', async () => {
    // The first pull request made widgets and was deployed; the second migrates too, but the
    // table is there already, so its branch changes nothing.
    expect((await runPr(pullRequest('opened', 42))).results['create-branch']).toBe('success');
    expect((await run(MERGE, pullRequest('closed', 42, { merged: true }))).results['deploy']).toBe('success');
    expect((await runPr(pullRequest('opened', 43))).results['create-branch']).toBe('success');
    const merge = await run(MERGE, pullRequest('closed', 43, { merged: true }));
    expect(merge.results, logs(merge)).toEqual({ open: 'success', approve: 'skipped', deploy: 'skipped', close: 'success' });
    expect(merge.jobs.find((j) => j.id === 'open')!.outputs).toEqual({ number: '2', changes: 'false' });
    expect(fake.deployRequests('acme', 'app')[1]).toMatchObject({
      number: 2,
      branch: 'pr-43',
      state: 'closed',
      deploymentState: 'no_changes',
      diff: [],
      deployedBy: null,
    });
    expect(fake.branches('acme', 'app')).toEqual(['main']);
    // Deploying it anyway is refused.
    const deploy = await admin.deployDeployRequest('app', 2);
    expect(deploy.status).toBe(422);
  });

  it('on a database that requires no approval, the file without its approve job (as its comment says) deploys', async () => {
    fake.addDatabase('acme', 'free');
    const file = parseYaml(readFileSync(`${root}.github/workflows/${MERGE}`, 'utf8')) as {
      jobs: Record<string, { needs?: unknown; steps: { with?: Record<string, string>; run?: string; env?: Record<string, string> }[] }>;
    };
    expect(file.jobs['approve']).toBeDefined();
    delete file.jobs['approve'];
    file.jobs['deploy']!.needs = 'open';
    const text = stringifyYaml(file).replaceAll(' app ', ' free ').replaceAll('database: app', 'database: free');
    const minting = fake.addServiceToken('acme', {
      organization: SERVICE_TOKENS,
      databases: { free: ['create_branch', 'read_branch', 'delete_branch', 'create_deploy_request', 'read_deploy_request'] },
    });
    const owner = new PscaleClient({ ...minting, org: 'acme', apiUrl: fake.url });
    expect((await owner.createBranch('free', 'pr-3')).status).toBe(201);
    // The pull request's schema change, made on the branch (the backend holds one schema per database).
    await mariadb.query('CREATE DATABASE free');
    await mariadb.query('CREATE TABLE free.orders (id int PRIMARY KEY)');
    const merged = await run('', pullRequest('closed', 3, { merged: true }), {
      workflow: await loadWorkflow(MERGE, text),
      secrets: { PLANETSCALE_MINT_TOKEN_ID: minting.id, PLANETSCALE_MINT_TOKEN: minting.token },
    });
    expect(merged.results, logs(merged)).toEqual({ open: 'success', deploy: 'success', close: 'skipped' });
    expect(fake.deployRequests('acme', 'free')).toMatchObject([
      { state: 'closed', approved: false, deploymentState: 'complete', diff: ['+orders'] },
    ]);
    expect(fake.branches('acme', 'free')).toEqual(['main']);
  });

  it('a pull request from a fork: no job mints (forks get no secrets)', async () => {
    const forkRun = { secrets: {} };
    const opened = await runPr(pullRequest('opened', 9, { fork: true }), forkRun);
    expect(opened.results).toEqual({ 'create-branch': 'skipped', 'delete-branch': 'skipped' });
    const merged = await run(MERGE, pullRequest('closed', 9, { merged: true, fork: true }), forkRun);
    expect(merged.results).toEqual({ open: 'skipped', approve: 'skipped', deploy: 'skipped', close: 'skipped' });
    expect([...opened.minted, ...merged.minted]).toEqual([]);
    expect(fake.branches('acme', 'app')).toEqual(['main']);
  });

  it('without the PLANETSCALE_ORG variable, nothing runs', async () => {
    const opened = await runPr(pullRequest('opened', 5), { vars: {} });
    expect(opened.results).toEqual({ 'create-branch': 'skipped', 'delete-branch': 'skipped' });
  });
});

describe('two tokens to open and approve (workflow_dispatch)', () => {
  const FILE = 'example-deploy-request-approval.yml';

  it('opens, approves with the environment token, deploys; the dispatched branch stays', async () => {
    expect((await admin.createBranch('app', 'feature')).status).toBe(201);
    const result = await run(FILE, dispatch({ branch: 'feature' }));
    expect(result.results, logs(result)).toEqual({ open: 'success', approve: 'success', deploy: 'success' });
    const [open, approve, deploy] = result.minted;
    expect(fake.deployRequests('acme', 'app')).toMatchObject([
      {
        branch: 'feature',
        state: 'closed',
        approved: true,
        createdBy: open!.id,
        reviews: [{ state: 'approved', by: approve!.id }],
        deployedBy: deploy!.id,
      },
    ]);
    expect(fake.branches('acme', 'app')).toEqual(['main', 'feature']);
  });

  it('when pscale fails, the open step shows its JSON error and fails, and nothing waits on an empty number', async () => {
    const result = await run(FILE, dispatch({ branch: 'no-such-branch' }));
    expect(result.results).toEqual({ open: 'failure', approve: 'skipped', deploy: 'skipped' });
    const step = result.jobs.find((j) => j.id === 'open')!.steps.find((s) => s.id === 'open')!;
    expect(step.outcome).toBe('failure');
    // With --format json pscale prints its error as JSON on stdout; the step echoes it.
    expect(step.log).toContain('"error": "database app does not exist in acme"');
    expect(result.minted).toHaveLength(1);
  });

  it('the approval needs the environment token: with the repository one, minting the approver is refused', async () => {
    expect((await admin.createBranch('app', 'feature')).status).toBe(201);
    const result = await run(FILE, dispatch({ branch: 'feature' }), {
      environments: {
        'planetscale-approve': {
          secrets: {
            PLANETSCALE_APPROVE_MINT_TOKEN_ID: secrets['PLANETSCALE_MINT_TOKEN_ID']!,
            PLANETSCALE_APPROVE_MINT_TOKEN: secrets['PLANETSCALE_MINT_TOKEN']!,
          },
        },
      },
    });
    expect(result.results).toEqual({ open: 'success', approve: 'failure', deploy: 'skipped' });
    expect(fake.deployRequests('acme', 'app')).toMatchObject([{ state: 'open', approved: false }]);
  });
});

describe('a matrix of jobs, each with its own token (schedule, workflow_dispatch)', () => {
  it.each([
    ['schedule', { name: 'schedule', payload: { schedule: '17 3 * * *' } }],
    ['workflow_dispatch', dispatch()],
  ])('%s: a nightly branch in each database, each job with a distinct token for its database only; none left', async (_name, event) => {
    const seen: Record<string, string> = {};
    const result = await run('example-matrix.yml', event, {
      probe: async ({ matrix, env }) => {
        const database = String(matrix['database']);
        seen[database] = env['PLANETSCALE_SERVICE_TOKEN_ID']!;
        const other = database === 'app' ? 'billing' : 'app';
        expect((await pscale(env, 'branch', 'show', other, 'main')).status).toBe(2);
      },
    });
    expect(result.jobs.map((j) => [j.matrix['database'], j.result])).toEqual([
      ['app', 'success'],
      ['analytics', 'success'],
      ['billing', 'success'],
    ]);
    for (const database of ['app', 'analytics', 'billing']) {
      // Made, then deleted by the job's last step.
      const job = result.jobs.find((j) => j.matrix['database'] === database)!;
      expect(job.steps.find((s) => s.id === 'create')!.log).toContain('Branch nightly-9876543210 was successfully created.');
      expect(fake.branches('acme', database)).toEqual(['main']);
      expect(Object.keys(fake.token(seen[database]!)?.accesses.databases ?? {})).toEqual([database]);
    }
    expect(new Set(Object.values(seen)).size).toBe(3);
    const names = result.jobs.map((j) => j.steps.find((s) => s.main)!.main!.outputs['name']);
    for (const name of names) expect(name).toMatch(/^gha-shop-9876543210-1-schema-branch-[a-z0-9]{6}$/);
    expect(new Set(names).size).toBe(3);
  });
});

/** psql, the Postgres example's client; .ci/run installs it, a plain `npm test` skips without it. */
const psqlInstalled = ((): boolean => {
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const describeWithPsql = psqlInstalled || process.env['REQUIRE_REAL_DATABASES'] === '1' ? describe : describe.skip;

describeWithPsql('a Postgres branch migrated with a role (a real Postgres server, psql)', () => {
  const FILE = 'example-postgres-migration.yml';
  let postgres: PostgresServer;
  // The one change to the file beyond `uses: ./`: the test CA for the system trust store.
  const workflow = (): Promise<WorkflowModel> => withTestCa(FILE);

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(() => postgres?.stop());
  beforeEach(async () => {
    // This file's own fake: its roles are real logins on the server.
    await fake.close();
    fake = await FakePlanetScale.start({ backends: { postgresql: postgres } });
    fake.addOrganization('acme');
    fake.addDatabase('acme', 'shop', { kind: 'postgresql' });
    const minting = fake.addServiceToken('acme', {
      organization: SERVICE_TOKENS,
      databases: {
        shop: ['create_branch', 'read_branch', 'delete_branch', 'connect_branch', 'create_branch_password', 'delete_branch_password'],
      },
    });
    secrets = { PLANETSCALE_MINT_TOKEN_ID: minting.id, PLANETSCALE_MINT_TOKEN: minting.token };
  });

  /** `SELECT 1` through psql, trusting the test CA: 'connected', or what psql said. */
  const psql = (url: string): Promise<string> =>
    new Promise((resolve) => {
      execFile('psql', [url, '-c', 'SELECT 1'], { env: { PATH: process.env['PATH'] ?? '', PGSSLROOTCERT: TEST_CA } }, (err, _out, stderr) =>
        resolve(err ? stderr : 'connected'),
      );
    });

  const liveRoles = (): string[] =>
    fake
      .roles('acme', 'shop')
      .filter((r) => !r.deleted && !r.isDefault)
      .map((r) => r.name);

  it('opened, synchronize: the branch once, a role each run that migrates and is deleted; the table stays; closed: the branch goes', async () => {
    const urls: string[] = [];
    for (const action of ['opened', 'synchronize']) {
      const result = await run(FILE, pullRequest(action, 21), {
        workflow: await workflow(),
        probe: async ({ env }) => {
          // While the job runs, the URL connects; after it, the same URL is refused (below).
          urls.push(env['DATABASE_URL']!);
          expect(await psql(env['DATABASE_URL']!)).toBe('connected');
        },
      });
      expect(result.results, logs(result)).toEqual({ migrate: 'success', 'delete-branch': 'skipped' });
      expect(fake.branches('acme', 'shop')).toEqual(['main', 'pr-21']);
      // One token (for pscale), one role (for the migration), both gone once the job ended.
      expect(result.minted).toHaveLength(1);
      expect(liveRoles()).toEqual([]);
      const uses = result.jobs.find((j) => j.id === 'migrate')!.steps.filter((s) => s.main);
      expect(uses.map((s) => Boolean(s.main!.outputs['database-url']))).toEqual([false, true]);
      // The URL was never printed: only its mask line carries it.
      const url = uses[1]!.main!.outputs['database-url']!;
      expect(logs(result).includes(url)).toBe(false);
    }
    expect(urls).toHaveLength(2);
    expect(urls[0]).not.toBe(urls[1]);
    // What the migration made is there, owned by the branch's default role, not a deleted one.
    const owner = await postgres.query("SELECT tableowner FROM pg_tables WHERE tablename = 'widgets'", [], 'shop');
    expect(owner).toEqual([{ tableowner: postgres.adminUser }]);
    // Each run's role is refused once its job has ended: by the server, over verified TLS.
    for (const url of urls) {
      expect(await psql(url)).toMatch(/password authentication failed for user|role "[^"]+" does not exist/);
    }

    const closed = await run(FILE, pullRequest('closed', 21), { workflow: await workflow() });
    expect(closed.results, logs(closed)).toEqual({ migrate: 'skipped', 'delete-branch': 'success' });
    expect(fake.branches('acme', 'shop')).toEqual(['main']);
  });

  it('a migration that fails fails the job, and the role is deleted all the same', async () => {
    // A statement the server refuses: psql stops on it (ON_ERROR_STOP), and so does the job.
    const workflow = await withTestCa(FILE, (t) => t.replace('CREATE TABLE IF NOT EXISTS widgets', 'CREATE TABLE no_such_schema.widgets'));
    const result = await run(FILE, pullRequest('opened', 22), { workflow });
    expect(result.results).toEqual({ migrate: 'failure', 'delete-branch': 'skipped' });
    expect(result.jobs.find((j) => j.id === 'migrate')!.steps.find((s) => s.name === 'Migrate')!.outcome).toBe('failure');
    expect(liveRoles()).toEqual([]);
  });
});

describe("the pscale stand-in, in pscale's words (https://github.com/planetscale/cli)", () => {
  const as = (id: string, token: string): Record<string, string> => ({
    PATH: process.env['PATH'] ?? '',
    PLANETSCALE_SERVICE_TOKEN_ID: id,
    PLANETSCALE_SERVICE_TOKEN: token,
    PLANETSCALE_ORG: 'acme',
    PLANETSCALE_API_URL: fake.url,
  });

  it('without credentials: the two lines of CheckAuthentication, or its JSON with --format json', async () => {
    const human = await pscale(as('', ''), 'branch', 'show', 'app', 'main');
    expect(human).toMatchObject({ status: 2, stdout: '' });
    expect(human.stderr).toBe(
      "Error: not authenticated yet. Please run 'pscale auth login'\nError: you must run 'pscale auth login' to authenticate before using this command\n",
    );
    const half = await pscale(as(secrets['PLANETSCALE_MINT_TOKEN_ID']!, ''), 'branch', 'show', 'app', 'main');
    expect(half.stderr).toContain('Error: both --service-token and --service-token-id are required for service token authentication\n');
    const json = await pscale(as('', ''), 'deploy-request', 'create', 'app', 'main', '--format', 'json');
    expect(json).toMatchObject({ status: 1, stderr: '' });
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'action_required', code: 'NO_AUTH', issues: [{ code: 'NO_AUTH' }] });
  });

  it("a refused credential: PlanetScale's own message (pscale adds nothing to a 401)", async () => {
    const wrong = await pscale(as(secrets['PLANETSCALE_MINT_TOKEN_ID']!, 'not-the-secret'), 'deploy-request', 'show', 'app', '1');
    expect(wrong).toMatchObject({ status: 2, stderr: 'Error: The service token is invalid\n' });
  });

  it('errors with --format json: an envelope on stdout, nothing on stderr', async () => {
    const env = as(secrets['PLANETSCALE_MINT_TOKEN_ID']!, secrets['PLANETSCALE_MINT_TOKEN']!);
    const missing = await pscale(env, 'deploy-request', 'create', 'app', 'no-such-branch', '--format', 'json');
    expect(missing).toMatchObject({ status: 2, stderr: '' });
    expect(JSON.parse(missing.stdout)).toEqual({
      status: 'error',
      error: 'database app does not exist in acme',
      issues: [{ code: 'NOT_FOUND', message: 'database app does not exist in acme' }],
      next_steps: ['pscale org list --format json', 'pscale database list --org <org> --format json'],
    });
  });

  it('asks for --force where a step cannot confirm, and finds a deploy request by branch name', async () => {
    const env = as(secrets['PLANETSCALE_MINT_TOKEN_ID']!, secrets['PLANETSCALE_MINT_TOKEN']!);
    expect((await pscale(env, 'branch', 'delete', 'app', 'main')).stderr).toBe(
      'Error: cannot confirm deletion of branch "app/main" (run with --force to override)\n',
    );
    expect((await pscale(env, 'branch', 'delete', 'app', 'main', '--format', 'json')).stdout).toContain(
      '"error": "cannot delete branch with the output format \\"json\\" (run with --force to override)"',
    );
    // What `jq -r .number` hands on when pscale failed: "null", read as a branch name.
    expect((await pscale(env, 'deploy-request', 'deploy', 'app', 'null')).stderr).toBe('Error: no deploy requests found for branch null\n');
    expect((await admin.createBranch('app', 'feature')).status).toBe(201);
    const created = await pscale(env, 'deploy-request', 'create', 'app', 'feature', '--format', 'json');
    expect(JSON.parse(created.stdout)).toMatchObject({ number: 1, branch: 'feature', into_branch: 'main', state: 'open' });
    expect(JSON.parse((await pscale(env, 'deploy-request', 'show', 'app', 'feature', '--format', 'json')).stdout)).toMatchObject({
      number: 1,
    });
  });
});
