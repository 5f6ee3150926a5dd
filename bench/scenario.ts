// What the benchmark asks for, the same for the action and the curl recipe: an organization with
// up to 16 databases, a minting token that holds every access on them and on the organization (as
// one that delegates on them would: hundreds), and a job that asks for DATABASE_ACCESSES on N
// databases plus ORG_ACCESSES on the organization. Database credentials: a development branch on
// one Vitess and one Postgres database, for a job that asks for a credential only or for a token
// and a credential.
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
/** Where the credential jobs mint a branch password (Vitess: db01) or a role (Postgres: pg01). */
export const CREDENTIAL_DATABASES = { mysql: 'db01', postgresql: 'pg01' } as const;
export const CREDENTIAL_BRANCH = 'bench';
export type CredentialKind = keyof typeof CREDENTIAL_DATABASES;

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
  fake.addDatabase(ORG, CREDENTIAL_DATABASES.postgresql, { kind: 'postgresql' });
  for (const database of Object.values(CREDENTIAL_DATABASES)) fake.addBranch(ORG, database, CREDENTIAL_BRANCH);
  const minting = fake.addServiceToken(
    ORG,
    {
      organization: [...EVERY_ORGANIZATION_ACCESS],
      databases: Object.fromEntries(everyDatabase().map((database) => [database, [...EVERY_DATABASE_ACCESS]])),
    },
    { name: 'minting' },
  );
  return { fake, minting };
}

const everyDatabase = () => [...new Set([...DATABASES, ...Object.values(CREDENTIAL_DATABASES)])];

/** How many accesses the bench's minting token holds. */
export function mintingAccessCount(): number {
  return EVERY_ORGANIZATION_ACCESS.length + everyDatabase().length * EVERY_DATABASE_ACCESS.length;
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

/**
 * The action's inputs for a job that needs a database credential on the bench branch of `kind`'s
 * database: the credential only, or with a token that holds DATABASE_ACCESSES there.
 */
export function credentialInputs(kind: CredentialKind, withToken: boolean, minting: Minting, apiUrl: string): Record<string, string> {
  return {
    org: ORG,
    'minting-token-id': minting.id,
    'minting-token': minting.token,
    database: CREDENTIAL_DATABASES[kind],
    branch: CREDENTIAL_BRANCH,
    ...(withToken ? { accesses: DATABASE_ACCESSES.join(', ') } : {}),
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
