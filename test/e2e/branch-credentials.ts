// Branch passwords and roles in the fake, as the end-to-end suites set them up and check them:
// the accesses a minting token needs to mint a credential, a branch to mint it on, and what the
// fake still holds alive.
import { expect } from 'vitest';
import type { FakePlanetScale } from '../fake-planetscale/index.ts';

export const MINTING_ORG = ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'];
export const CREDENTIAL_ACCESSES = ['read_branch', 'create_branch', 'connect_branch', 'create_branch_password', 'delete_branch_password'];

type Minting = { id: string; token: string };
const authorization = (minting: Minting) => `${minting.id}:${minting.token}`;

export async function createBranch(fake: FakePlanetScale, minting: Minting, database: string, branch: string): Promise<void> {
  const answer = await fetch(`${fake.url}/v1/organizations/acme/databases/${database}/branches`, {
    method: 'POST',
    headers: { Authorization: authorization(minting), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: branch, parent_branch: 'main' }),
  });
  expect(answer.status).toBe(201);
}

export interface CredentialDatabases {
  mysql?: string[];
  postgresql?: string[];
}

function alive(fake: FakePlanetScale, databases: CredentialDatabases) {
  return [
    ...(databases.mysql ?? []).flatMap((db) =>
      fake
        .passwords('acme', db)
        .filter((p) => !p.deleted)
        .map((p) => ({ db, segment: 'passwords', what: 'password', ...p })),
    ),
    ...(databases.postgresql ?? []).flatMap((db) =>
      fake
        .roles('acme', db)
        .filter((r) => !r.deleted && !r.isDefault)
        .map((r) => ({ db, segment: 'roles', what: 'role', ...r })),
    ),
  ];
}

/** The credentials the fake holds alive on `databases`, default roles aside. */
export function liveCredentials(fake: FakePlanetScale, databases: CredentialDatabases): string[] {
  return alive(fake, databases).map((c) => `${c.what} ${c.name}`);
}

/** Deletes what a test left alive on `databases`, so that it cannot fail the next. */
export async function deleteLiveCredentials(fake: FakePlanetScale, minting: Minting, databases: CredentialDatabases): Promise<void> {
  for (const c of alive(fake, databases)) {
    await fetch(`${fake.url}/v1/organizations/acme/databases/${c.db}/branches/${c.branch}/${c.segment}/${c.id}`, {
      method: 'DELETE',
      headers: { Authorization: authorization(minting) },
    });
  }
}
