// Awkward but common cases, through the built dist/ and the fake API: inputs as users write
// them, two uses of the action in one job, and a minting token that cannot clean up.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runStep } from '../harness/index.ts';
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
    expect(JSON.parse(main.outputs['accesses']!)).toContainEqual({ resource_type: 'Database', resource_name: 'app', accesses: ['read_branch'] });
    expect(post.exitCode).toBe(0);
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
