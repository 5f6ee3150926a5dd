// What the benchmark asks for, the same for the action and the curl recipe: an organization with
// up to 16 databases, a minting token that holds every access on them and on the organization (as
// one that delegates on them would: hundreds), and a job that asks for DATABASE_ACCESSES on N
// databases plus ORG_ACCESSES on the organization.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DATABASE_ACCESSES as EVERY_DATABASE_ACCESS,
  FakePlanetScale,
  ORGANIZATION_ACCESSES as EVERY_ORGANIZATION_ACCESS,
} from '../test/fake-planetscale/index.ts';

export const ORG = 'acme';
export const DATABASES = Array.from({ length: 16 }, (_, i) => `db${String(i + 1).padStart(2, '0')}`);
export const DATABASE_ACCESSES = ['read_branch', 'create_branch'];
export const ORG_ACCESSES = ['read_databases'];
export const TTL_SECONDS = 900;

export interface Minting {
  id: string;
  token: string;
}

/** The test certificate the fake serves https with; it is its own CA (test/fixtures/tls/README.md). */
export const CA_CERT = fileURLToPath(new URL('../test/fixtures/tls/cert.pem', import.meta.url));
const TLS_KEY = fileURLToPath(new URL('../test/fixtures/tls/key.pem', import.meta.url));

/** The fake, over https as PlanetScale is, seeded for the bench. */
export async function startSeededFake(): Promise<{ fake: FakePlanetScale; minting: Minting }> {
  const fake = await FakePlanetScale.start({ tls: { key: readFileSync(TLS_KEY), cert: readFileSync(CA_CERT) } });
  fake.addOrganization(ORG);
  for (const database of DATABASES) fake.addDatabase(ORG, database);
  const minting = fake.addServiceToken(
    ORG,
    {
      organization: [...EVERY_ORGANIZATION_ACCESS],
      databases: Object.fromEntries(DATABASES.map((database) => [database, [...EVERY_DATABASE_ACCESS]])),
    },
    { name: 'minting' },
  );
  return { fake, minting };
}

/** How many accesses the bench's minting token holds. */
export function mintingAccessCount(): number {
  return EVERY_ORGANIZATION_ACCESS.length + DATABASES.length * EVERY_DATABASE_ACCESS.length;
}

/** The action's inputs for a job that needs the first `n` databases. */
export function actionInputs(n: number, minting: Minting, apiUrl: string): Record<string, string> {
  return {
    org: ORG,
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    accesses: DATABASES.slice(0, n)
      .map((database) => `${database}: ${DATABASE_ACCESSES.join(', ')}`)
      .join('\n'),
    'org-accesses': ORG_ACCESSES.join(', '),
    ttl: `${TTL_SECONDS / 60}m`,
    'api-url': apiUrl,
  };
}

/** bench/curl-recipe.sh's environment for the same job. */
export function recipeEnv(n: number, minting: Minting, apiUrl: string, tokenName: string): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    PLANETSCALE_API_URL: apiUrl,
    CA_CERT,
    PLANETSCALE_ORG: ORG,
    PLANETSCALE_SERVICE_TOKEN_ID: minting.id,
    PLANETSCALE_SERVICE_TOKEN: minting.token,
    TOKEN_NAME: tokenName,
    TTL: String(TTL_SECONDS),
    DATABASES: DATABASES.slice(0, n).join(' '),
    DATABASE_ACCESSES: JSON.stringify(DATABASE_ACCESSES),
    ORG_ACCESSES: JSON.stringify(ORG_ACCESSES),
  };
}
