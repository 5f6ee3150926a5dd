// Fan-out: how many calls one run may make, and how many at once. Each database is one grant
// call on the minting token's rate limit, which every job using that token shares.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob, runStep } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
const DATABASES = Array.from({ length: 40 }, (_, i) => `db${i}`);
let fake: FakePlanetScale;
let minting: { id: string; token: string };

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  for (const db of DATABASES) fake.addDatabase('acme', db);
  minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
    databases: Object.fromEntries(DATABASES.map((db) => [db, ['read_branch']])),
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearRequests();
  fake.faults.clear();
});

const inputs = (accesses: string) => ({
  org: 'acme',
  'minting-token-id': minting.id,
  'minting-token': minting.token,
  accesses,
  'api-url': fake.url,
});

describe('fan-out', () => {
  it('5,000 DB lines: an input error before any call', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `db${i}: read_branch`).join('\n');
    const main = await runStep({ actionDir, step: 'main', inputs: inputs(lines) });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(/^Input "accesses": names 5000 databases; one run grants on at most 100/)]);
    expect(fake.requests).toEqual([]);
  });

  it('40 databases: every one granted, never more than 17 grant calls in flight (16 databases and the organization)', async () => {
    // Slow grants, so that calls started together are seen together.
    fake.faults.always({ method: 'POST', path: /\/access$/ }, { kind: 'delay', delayMs: 100 });
    const job = await runJob({ actionDir, inputs: inputs(DATABASES.map((db) => `${db}: read_branch`).join('\n')) });
    expect(job.main.exitCode).toBe(0);
    expect(JSON.parse(job.main.outputs['accesses']!)).toHaveLength(40);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/access'))).toHaveLength(40);
    expect(fake.maxInFlight).toBe(17);
    expect(job.post!.exitCode).toBe(0);
    expect(fake.mintedTokens()).toEqual([]);
  });
});
