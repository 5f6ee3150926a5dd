// An organization with more service tokens than a lookup reads (10,100 older ones, listed first):
// a lookup by name cut short at its page cap must say it could not confirm, never "none", and
// spend one list call once the first page shows the list too long.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob } from '../harness/index.ts';
import { acmeInputs, deleteMinted, startAcme } from './acme.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
const OLDER = 10_100;
let fake: FakePlanetScale;
let minting: { id: string; token: string };

beforeAll(async () => {
  ({ fake, minting } = await startAcme());
  for (let i = 0; i < OLDER; i++) fake.addServiceToken('acme', {}, { name: `deploy-${i}`, ttlSeconds: 86_400 });
});
afterAll(() => fake.close());
afterEach(async () => {
  fake.faults.clear();
  await deleteMinted(fake, minting);
  fake.clearRequests();
});

const CREATE = { method: 'POST', path: '/v1/organizations/acme/service-tokens' } as const;
const listCalls = () => fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/organizations/acme/service-tokens');
const cutShort =
  /PlanetScale lists 10,10\d service tokens, more than the 5,000 a lookup reads \(50 pages of 100, .*\), and none of those read is named "gha-[^"]+": one may be among the rest\./;

describe('a lookup by name in a list longer than a lookup reads', () => {
  it('one lost create answer: main and post both say they could not confirm, each after one list call', async () => {
    fake.faults.script(CREATE, { kind: 'drop-after' });
    const { main, post } = await runJob({ actionDir, inputs: acmeInputs(fake, minting) });
    expect(main.exitCode).toBe(0);
    expect(main.warnings).toEqual([expect.stringMatching(cutShort)]);
    expect(post!.exitCode).toBe(0);
    expect(post!.warnings).toEqual([expect.stringMatching(cutShort)]);
    expect(post!.maskedLog).not.toMatch(/No other service token named/);
    expect(listCalls()).toHaveLength(2);
    // The token of the lost answer lives on: nothing claimed otherwise.
    expect(fake.mintedTokens()).toHaveLength(1);
  });

  it('every create answer lost: post, with the name alone, fails with "could not confirm", not "none exists"', async () => {
    fake.faults.always(CREATE, { kind: 'drop-after' });
    const { main, post } = await runJob({ actionDir, inputs: acmeInputs(fake, minting) });
    expect(main.exitCode).toBe(1);
    expect(main.maskedLog).not.toMatch(/No such token exists/);
    expect(main.warnings.at(-1)).toMatch(cutShort);
    expect(post!.exitCode).toBe(1);
    expect(post!.errors).toEqual([
      expect.stringMatching(/^Could not confirm that service token "gha-[^"]+" is gone: PlanetScale lists 10,10\d/),
    ]);
    expect(post!.maskedLog).not.toMatch(/No other service token named/);
    // One list call per lookup.
    expect(listCalls().length).toBe(main.warnings.length + 1);
  });

  it('the sweep sweeps what it read and warns that the list was cut short, after one list call', async () => {
    const { main, post } = await runJob({ actionDir, inputs: acmeInputs(fake, minting, { 'sweep-expired': 'true' }) });
    expect([main.exitCode, post!.exitCode]).toEqual([0, 0]);
    expect(post!.warnings).toEqual([
      expect.stringMatching(
        /^sweep-expired: PlanetScale lists 10,10\d service tokens, more than the 5,000 a lookup reads .*: only those read were looked at/,
      ),
    ]);
    expect(listCalls()).toHaveLength(1);
    expect(fake.mintedTokens()).toEqual([]);
  });
});
