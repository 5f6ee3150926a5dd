// sweep-expired: post deletes this action's expired leftovers (runners that died before post),
// and nothing else. The fake's clock starts three hours back and moves on to now once the
// leftovers are made, so those it gave a short TTL have expired by PlanetScale's clock (the Date
// of its answers), which is what the sweep judges by.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob } from '../harness/index.ts';
import { acmeInputs } from './acme.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
const ACCESSES = {
  organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
  databases: { app: ['read_branch'] },
};

beforeAll(async () => {
  fake = await FakePlanetScale.start({ now: new Date(Date.now() - 3 * 3600_000) });
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  minting = fake.addServiceToken('acme', ACCESSES, { name: 'minting' });
  // The harness runs as GITHUB_REPOSITORY=acme/shop: this action's names there start gha-shop-.
  fake.addServiceToken('acme', {}, { name: 'gha-shop-111-1-build-abc123', ttlSeconds: 600 }); // ours, expired
  fake.addServiceToken('acme', {}, { name: 'gha-shop-222-1-build-def456', ttlSeconds: 600 }); // ours, expired
  fake.addServiceToken('acme', {}, { name: 'gha-shop-333-1-build-ghi789', ttlSeconds: 7 * 86400 }); // ours, still valid
  fake.addServiceToken('acme', {}, { name: 'gha-other-444-1-build-jkl012', ttlSeconds: 600 }); // another repository's
  fake.addServiceToken('acme', {}, { name: 'deploy-bot', ttlSeconds: 600 }); // not this action's
  fake.advance(3 * 3600_000);
});
afterAll(() => fake.close());

const inputs = (overrides: Record<string, string> = {}) => acmeInputs(fake, minting, overrides);
const names = () => fake.tokens('acme').map((t) => t.name);

describe('sweep-expired', () => {
  it('is off by default', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs() });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.maskedLog).not.toMatch(/sweep-expired/);
    expect(names()).toHaveLength(6);
  });

  it('refuses a value that is not a boolean, before any call', async () => {
    fake.clearRequests();
    const { main } = await runJob({ actionDir, inputs: inputs({ 'sweep-expired': 'yes' }) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual(['Input "sweep-expired": "yes" is not a boolean: use true or false.']);
    expect(fake.requests).toEqual([]);
  });

  it('deletes only this action’s expired tokens in this repository, and says how many', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs({ 'sweep-expired': 'true' }) });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.maskedLog).toContain('sweep-expired: deleted 2 expired service tokens left by earlier runs.');
    expect(post!.summary).toContain('Swept 2 expired service tokens');
    expect(names()).toEqual(['minting', 'gha-shop-333-1-build-ghi789', 'gha-other-444-1-build-jkl012', 'deploy-bot']);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('warns, and does not fail post, when only the sweep was left to do and it cannot run', async () => {
    // cleanup: false keeps the token; the sweep needs the minting token, which post no longer has.
    const asked = { 'sweep-expired': 'true', cleanup: 'false', 'export-env': 'false' };
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(asked),
      postInputs: inputs({ ...asked, 'minting-token-id': '', 'minting-token': '' }),
    });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.errors).toEqual([]);
    expect(post!.warnings).toEqual([expect.stringMatching(/^sweep-expired: the minting token is no longer available/)]);
    expect(post!.summary).not.toMatch(/could not be deleted/);
    // The token cleanup: false kept, deleted here.
    const kept = main.outputs['service-token-id']!;
    await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${kept}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('warns, and does not fail the step, when listing is refused', async () => {
    const noRead = fake.addServiceToken('acme', { ...ACCESSES, organization: ['write_service_tokens', 'delete_service_tokens'] });
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs({ 'sweep-expired': 'true', 'minting-token-id': noRead.id, 'minting-token': noRead.token }),
    });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.warnings).toEqual([
      expect.stringMatching(
        /^sweep-expired: PlanetScale refused listing service tokens \(HTTP 404\): the minting token lacks read_service_tokens/,
      ),
    ]);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe("sweep-expired, with the runner's clock ahead of PlanetScale", () => {
  let behind: FakePlanetScale;
  let mintingThere: { id: string; token: string };
  beforeAll(async () => {
    // PlanetScale's clock (its Date header, and the expires_at it gives) two hours behind the runner's.
    behind = await FakePlanetScale.start({ now: new Date(Date.now() - 2 * 3600_000) });
    behind.addOrganization('acme');
    behind.addDatabase('acme', 'app');
    mintingThere = behind.addServiceToken('acme', ACCESSES, { name: 'minting' });
    // Another job's live token: by the runner's clock it expired an hour ago.
    behind.addServiceToken('acme', {}, { name: 'gha-shop-555-1-build-mno345', ttlSeconds: 3600 });
  });
  afterAll(() => behind.close());

  it("spares another job's token that only the runner's clock calls expired", async () => {
    const { main, post } = await runJob({ actionDir, inputs: acmeInputs(behind, mintingThere, { 'sweep-expired': 'true' }) });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.maskedLog).toContain('sweep-expired: deleted 0 expired service tokens left by earlier runs.');
    expect(behind.tokens('acme').map((t) => t.name)).toEqual(['minting', 'gha-shop-555-1-build-mno345']);
  });
});
