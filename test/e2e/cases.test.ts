// Awkward but common cases, through the built dist/ and the fake API: inputs as users write
// them, two uses of the action in one job, and a minting token that cannot clean up.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep, runUses, type UsesResult } from '../harness/index.ts';
import { acmeInputs, startAcme } from './acme.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };

beforeAll(async () => {
  ({ fake, minting } = await startAcme());
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());
afterEach(() => {
  // Every case ends with nothing minted left alive.
  expect(fake.mintedTokens()).toEqual([]);
});

const inputs = (overrides: Record<string, string> = {}) => acmeInputs(fake, minting, overrides);

async function mainThenPost(given: Record<string, string>) {
  const main = await runStep({ actionDir, step: 'main', inputs: given });
  const post = await runStep({ actionDir, step: 'post', inputs: given, env: main.env, state: main.state, masks: main.masks });
  return { main, post };
}

describe('inputs as users write them', () => {
  it('takes ttl: "" (an unset variable) as the default 1h', async () => {
    const before = fake.now().getTime();
    const { main, post } = await mainThenPost(inputs({ ttl: '' }));
    expect(main.errors, main.maskedLog).toEqual([]);
    expect(main.maskedLog).toContain('valid for 1h');
    const expires = Date.parse(main.outputs['expires-at']!);
    expect(expires - before).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(3600_000 + 60_000);
    expect(post.exitCode).toBe(0);
  });

  it('takes export-env: "" as its default true', async () => {
    const { main } = await mainThenPost(inputs({ 'export-env': '' }));
    expect(main.errors, main.maskedLog).toEqual([]);
    expect(main.env['PLANETSCALE_SERVICE_TOKEN_ID']).toBe(main.outputs['service-token-id']);
  });

  it('takes READ_BRANCH as read_branch, with a notice saying so', async () => {
    const { main, post } = await mainThenPost(inputs({ accesses: 'READ_BRANCH', 'org-accesses': 'Read_Databases' }));
    expect(main.errors, main.maskedLog).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(main.notices).toEqual([
      'Input "accesses": "READ_BRANCH" taken as "read_branch": PlanetScale\'s access names are lower case.',
      'Input "org-accesses": "Read_Databases" taken as "read_databases": PlanetScale\'s access names are lower case.',
    ]);
    expect(JSON.parse(main.outputs['accesses']!)).toContainEqual({
      resource_type: 'Database',
      resource_name: 'app',
      accesses: ['read_branch'],
    });
    expect(post.exitCode).toBe(0);
  });

  it('passes an access name it does not know, near none it does, to PlanetScale with a notice; PlanetScale decides', async () => {
    const { main, post } = await mainThenPost(inputs({ accesses: 'read_branch read_query_insights' }));
    expect(main.notices).toEqual([
      expect.stringMatching(
        /^Input "accesses": "read_query_insights" is not among the database-level accesses this version of the action knows: it is passed to PlanetScale, which decides\./,
      ),
    ]);
    const grants = fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/access'));
    expect(grants.map((q) => q.body)).toEqual([{ database: 'app', access: ['read_branch', 'read_query_insights'] }]);
    // This fake knows no such access and refuses it (422): the step fails with PlanetScale's answer and deletes the token.
    expect(grants[0]!.status).toBe(422);
    expect(main.exitCode).toBe(1);
    expect(main.errors.join('\n')).toContain('read_query_insights');
    expect(post.exitCode).toBe(0);
  });

  it('refuses a near miss of a known access (did you mean), and a credential-managing one, before any call', async () => {
    for (const [overrides, expected] of [
      [
        { accesses: 'read_brnch' },
        /^Input "accesses": "read_brnch" is not a PlanetScale database-level access; did you mean "read_branch"\?/,
      ],
      [
        { 'org-accesses': 'delete_service_tokens' },
        /^Input "org-accesses": "delete_service_tokens" manages credentials, so this action never grants it/,
      ],
      [
        { 'org-accesses': 'write_service_token' },
        /^Input "org-accesses": "write_service_token" is not a PlanetScale organization-level access/,
      ],
    ] as const) {
      const main = await runStep({ actionDir, step: 'main', inputs: inputs(overrides) });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([expect.stringMatching(expected)]);
      expect(main.notices).toEqual([]);
    }
    expect(fake.requests).toEqual([]);
  });

  it('stops at a mistyped input name (tll: 5m) with a did-you-mean, before any API call', async () => {
    const { main } = await mainThenPost(inputs({ tll: '5m' }));
    expect(main.exitCode).toBe(1);
    // The runner's own warning, and the action's error.
    expect(main.warnings[0]).toMatch(/^Unexpected input\(s\) 'tll', valid inputs are \['org', /);
    expect(main.errors).toEqual([
      'Input "tll": this action has no input "tll"; did you mean "ttl"? Its value was not used (and "ttl" would have been left at its default "1h"): rename it in the workflow\'s `with:`.',
    ]);
    expect(fake.requests).toEqual([]);
  });
});

describe('two uses in one job', () => {
  const fromEnv = () => acmeInputs(fake, minting, { 'minting-token-id': '', 'minting-token': '' });
  const fromInputs = (db: string) => () => acmeInputs(fake, minting, { database: db });
  const jobEnv = () => ({ PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token });

  /** Every post succeeded and said it deleted its token; no call was refused as unauthenticated; no message misled. */
  function expectCleanEnd(r: UsesResult, minted: number) {
    const ran = r.posts.filter((p) => p !== undefined);
    for (const post of ran) {
      expect(post.errors, post.maskedLog).toEqual([]);
      expect(post.exitCode).toBe(0);
    }
    expect(ran.filter((p) => p.maskedLog.includes('Deleted service token'))).toHaveLength(minted);
    expect(fake.requests.filter((q) => q.status === 401)).toEqual([]);
    const logs = [...r.mains, ...ran].map((s) => s.maskedLog).join('\n');
    expect(logs).not.toContain('does not exist');
    expect(logs).not.toContain('could not be recovered');
    for (const secret of [minting.token, ...r.mains.map((m) => m.outputs['service-token'] ?? '')].filter(Boolean))
      expect(logs).not.toContain(secret);
    expect(fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/service-tokens'))).toHaveLength(minted);
  }

  it("both from env: the second refuses the first's minted token before any call, and the first still cleans up", async () => {
    const r = await runUses({ actionDir, env: jobEnv(), uses: [{ inputs: fromEnv }, { inputs: fromEnv }] });
    expect(r.mains[0]!.exitCode).toBe(0);
    const first = r.mains[0]!.outputs['service-token-id']!;
    expect(r.mains[1]!.exitCode).toBe(1);
    expect(r.mains[1]!.errors).toHaveLength(1);
    expect(r.mains[1]!.errors[0]).toMatch(
      /^The minting token \(env PLANETSCALE_SERVICE_TOKEN_ID \/ PLANETSCALE_SERVICE_TOKEN\) is the token an earlier use of this action in this job minted/,
    );
    expect(r.mains[1]!.errors[0]).toContain('Pass the minting token through inputs');
    expect(fake.requests.filter((q) => q.credentialId === first)).toEqual([]);
    expectCleanEnd(r, 1);
    expect(r.env['PLANETSCALE_SERVICE_TOKEN_ID']).toBe(minting.id);
  });

  it("both from inputs: two tokens, both deleted; the second's post puts the first's env back", async () => {
    const r = await runUses({ actionDir, uses: [{ inputs: fromInputs('app') }, { inputs: fromInputs('analytics') }] });
    expect(r.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    expect(r.postOrder).toEqual([1, 0]);
    expectCleanEnd(r, 2);
    expect(r.posts[1]!.env['PLANETSCALE_SERVICE_TOKEN_ID']).toBe(r.mains[0]!.outputs['service-token-id']);
    // The first found none of the variables set: nothing to put back, so its post writes no env.
    expect(r.posts[0]!.env).toEqual({});
  });

  it("first from env, second from inputs: the first's post still opens its minting token (no 401)", async () => {
    const r = await runUses({ actionDir, env: jobEnv(), uses: [{ inputs: fromEnv }, { inputs: fromInputs('analytics') }] });
    expect(r.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    expect(r.posts[1]!.maskedLog).toContain('back as they were before this use of the action');
    expectCleanEnd(r, 2);
    // Each post left env as its main found it: the job's own minting token again.
    expect(r.env['PLANETSCALE_SERVICE_TOKEN_ID']).toBe(minting.id);
    expect(r.env['PLANETSCALE_SERVICE_TOKEN']).toBe(minting.token);
    expect(r.env['PLANETSCALE_TOKEN_ACTION_MINTED']).toBe('');
  });

  it('first from inputs, second from env (or inputs reading env): the second refuses, the first cleans up', async () => {
    const readsEnv = (env: Record<string, string | undefined>) =>
      acmeInputs(fake, minting, {
        'minting-token-id': env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '',
        'minting-token': env['PLANETSCALE_SERVICE_TOKEN'] ?? '',
      });
    const r = await runUses({ actionDir, env: jobEnv(), uses: [{ inputs: fromInputs('app') }, { inputs: fromEnv }, { inputs: readsEnv }] });
    expect(r.mains.map((m) => m.exitCode)).toEqual([0, 1, 1]);
    expect(r.mains[1]!.errors[0]).toContain('Pass the minting token through inputs');
    expect(r.mains[2]!.errors[0]).toMatch(/^The minting token \(minting-token-id \/ minting-token\) is the token an earlier use/);
    expectCleanEnd(r, 1);
  });
});

describe('org from env PLANETSCALE_ORG', () => {
  const noOrg = () => acmeInputs(fake, minting, { org: '' });

  it("an empty org takes the job's PLANETSCALE_ORG in main", async () => {
    const r = await runUses({ actionDir, env: { PLANETSCALE_ORG: 'acme' }, uses: [{ inputs: noOrg }] });
    expect(r.mains[0]!.errors, r.mains[0]!.maskedLog).toEqual([]);
    expect(fake.requests.filter((q) => q.method === 'POST').map((q) => q.path)).toContain('/v1/organizations/acme/service-tokens');
    expect(r.posts[0]!.exitCode).toBe(0);
  });

  it('post deletes in the organization main minted in, whatever PLANETSCALE_ORG and org say by then', async () => {
    const main = await runStep({ actionDir, step: 'main', inputs: inputs({ org: '' }), env: { PLANETSCALE_ORG: 'acme' } });
    expect(main.exitCode).toBe(0);
    fake.clearRequests();
    // A later step moved PLANETSCALE_ORG, and org reads it (`org: ${{ env.PLANETSCALE_ORG }}`), evaluated again for post.
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: inputs({ org: 'shop' }),
      env: { ...main.env, PLANETSCALE_ORG: 'shop' },
      state: main.state,
      masks: main.masks,
    });
    expect(post.exitCode, post.maskedLog).toBe(0);
    expect(post.maskedLog).toContain('Deleted service token');
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const q of fake.requests) expect(q.path).toMatch(/^\/v1\/organizations\/acme\//);
  });

  it("a second use with no org does not take the first use's exported organization as its own", async () => {
    // The first use's org comes from its input: PLANETSCALE_ORG in env afterwards is its export, not the user's.
    const r = await runUses({ actionDir, uses: [{ inputs: inputs({ org: 'acme' }) }, { inputs: noOrg }] });
    expect(r.mains.map((m) => m.exitCode)).toEqual([0, 1]);
    expect(r.mains[1]!.errors).toEqual([
      expect.stringMatching(
        /^Input "org": is empty, and env PLANETSCALE_ORG \("acme"\) is what an earlier use of this action in this job exported/,
      ),
    ]);
    // Only the first minted; its post cleaned up.
    expect(fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/service-tokens'))).toHaveLength(1);
    expect(r.posts[0]!.exitCode).toBe(0);
  });
});

describe('a minting token that cannot clean up, or cannot grant', () => {
  const deleteAs = async (token: { id: string; token: string }, id: string) =>
    fetch(`${fake.url}/v1/organizations/acme/service-tokens/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `${token.id}:${token.token}` },
    });

  it('without delete_service_tokens: main warns in the log and the summary, naming the token and until when it stays valid', async () => {
    const weak = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const given = inputs({ 'minting-token-id': weak.id, 'minting-token': weak.token, ttl: '10m' });
    const main = await runStep({ actionDir, step: 'main', inputs: given });
    try {
      expect(main.exitCode).toBe(0);
      const name = main.outputs['name']!;
      const expiresAt = main.outputs['expires-at']!;
      const warning = `The minting token lacks delete_service_tokens: the post step will not be able to delete service token "${name}", which stays valid until ${expiresAt}.`;
      expect(main.warnings).toHaveLength(1);
      expect(main.warnings[0]).toContain(warning);
      expect(main.summary).toContain(`> [!WARNING]\n> ${warning}`);
      // Read alongside the create call, so known before any grant.
      const read = fake.requests.findIndex((q) => q.method === 'GET' && q.path.endsWith(`/service-tokens/${weak.id}`));
      const grant = fake.requests.findIndex((q) => q.method === 'POST' && q.path.endsWith('/access'));
      expect(read).toBeGreaterThanOrEqual(0);
      expect(read).toBeLessThan(grant);
    } finally {
      for (const token of fake.mintedTokens()) await deleteAs(minting, token.id);
    }
  });

  it('without delete_service_tokens but with cleanup: false: nothing to warn of (post was not to delete it)', async () => {
    const weak = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs: inputs({ 'minting-token-id': weak.id, 'minting-token': weak.token, cleanup: 'false' }),
    });
    try {
      expect(main.exitCode).toBe(0);
      expect(main.warnings).toEqual([]);
      expect(main.summary).not.toContain('[!WARNING]');
    } finally {
      for (const token of fake.mintedTokens()) await deleteAs(minting, token.id);
    }
  });

  it('lacking an access the job asks for: main says which before the grant fails, and deletes the token', async () => {
    const narrow = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const { main, post } = await mainThenPost(
      inputs({
        'minting-token-id': narrow.id,
        'minting-token': narrow.token,
        accesses: 'read_branch create_branch',
        'org-accesses': 'read_databases',
      }),
    );
    expect(main.exitCode).toBe(1);
    expect(main.warnings).toEqual([
      'The minting token does not hold create_branch on database "app"; read_databases on organization "acme": PlanetScale lets a token grant only accesses it holds itself, so granting them will fail. Add them to the minting token, or ask for less.',
    ]);
    const warned = main.lines.findIndex((l) => l.startsWith('::warning::The minting token does not hold'));
    const failed = main.lines.findIndex((l) => l.startsWith('::error::PlanetScale refused granting'));
    expect(warned).toBeGreaterThanOrEqual(0);
    expect(warned).toBeLessThan(failed);
    expect(post.exitCode).toBe(0);
  });

  it("reads the minting token's accesses alongside the create call, not after it (no added round trip)", async () => {
    // A slow create (recorded when it is acted on, 3 s in, room for a busy machine to send the read): a read sent after its answer would be recorded after it.
    fake.faults.script({ method: 'POST', path: '/v1/organizations/acme/service-tokens' }, { kind: 'delay', delayMs: 3_000 });
    try {
      const { main } = await mainThenPost(inputs());
      expect(main.exitCode).toBe(0);
      const answered = fake.requests.map((q) => `${q.method} ${q.path.replace(minting.id, 'MINTING')}`);
      expect(answered.indexOf('GET /v1/organizations/acme/service-tokens/MINTING')).toBeLessThan(
        answered.indexOf('POST /v1/organizations/acme/service-tokens'),
      );
    } finally {
      fake.faults.clear();
    }
  });

  it("does not wait for a slow read of the minting token's accesses, and says nothing it could not know", async () => {
    const weak = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    // Answered long after every other call, yet within a call's time limit: waited for, it would
    // be in and warn (the token lacks delete_service_tokens). No warning: main did not wait, and
    // without the answer it cannot know that post will fail to delete.
    const lateMs = 6_000;
    fake.faults.script(
      { method: 'GET', path: `/v1/organizations/acme/service-tokens/${weak.id}` },
      { kind: 'late-answer', delayMs: lateMs },
    );
    try {
      const main = await runStep({ actionDir, step: 'main', inputs: inputs({ 'minting-token-id': weak.id, 'minting-token': weak.token }) });
      expect(main.exitCode).toBe(0);
      expect(main.warnings).toEqual([]);
      expect(main.summary).not.toMatch(/delete_service_tokens/);
      expect(fake.requests.filter((q) => q.method === 'GET' && q.path.endsWith(`/service-tokens/${weak.id}`))).toHaveLength(1);
    } finally {
      fake.faults.clear();
      for (const token of fake.mintedTokens()) await deleteAs(minting, token.id);
    }
  });

  it('without read_service_tokens: nothing is said about it (the read is refused and skipped)', async () => {
    const blind = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'delete_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const { main, post } = await mainThenPost(inputs({ 'minting-token-id': blind.id, 'minting-token': blind.token }));
    expect(main.exitCode).toBe(0);
    expect(main.warnings).toEqual([]);
    expect(main.errors).toEqual([]);
    expect(post.exitCode).toBe(0);
  });
});
