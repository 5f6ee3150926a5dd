// The fake PlanetScale API as the security suites use it: organization "acme" with databases
// "app" and "analytics", and a minting token holding what the recommended setup grants.
import { FakePlanetScale } from '../fake-planetscale/index.ts';

export interface Acme {
  fake: FakePlanetScale;
  minting: { id: string; token: string };
}

export async function startAcme(): Promise<Acme> {
  const fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  for (const db of ['app', 'analytics']) fake.addDatabase('acme', db);
  const minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
    databases: { app: ['read_branch', 'create_branch'], analytics: ['read_branch'] },
  });
  return { fake, minting };
}

/** Inputs of one use that mints read_branch on acme/app with `minting`, against `fake`. */
export function acmeInputs(
  fake: FakePlanetScale,
  minting: { id: string; token: string },
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    org: 'acme',
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    database: 'app',
    accesses: 'read_branch',
    'api-url': fake.url,
    ...overrides,
  };
}

/** Deletes every token the fake minted, so that what one test left alive cannot fail the next. */
export async function deleteMinted(fake: FakePlanetScale, minting: { id: string; token: string }): Promise<void> {
  for (const token of fake.mintedTokens()) {
    await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
  }
}
