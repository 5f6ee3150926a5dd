// What credential to mint once PlanetScale has said the database's kind: the roles to ask for,
// or why the inputs do not fit that kind. Pure; checked before anything is created.

import { DEFAULT_ROLE, type CredentialRequest } from '../inputs/database-credential.js';
import { credentialKindOf, type CredentialKind, type DatabaseKind } from '../planetscale/database-credentials.js';
import { show } from '../report/text.js';

const ENGINE: Record<DatabaseKind, string> = { mysql: 'a Vitess (MySQL)', postgresql: 'a Postgres' };

export type CredentialPlan = { ok: true; kind: CredentialKind; roles: string[] } | { ok: false; input: string; message: string };

export function planCredential(databaseKind: DatabaseKind, request: CredentialRequest): CredentialPlan {
  const database = `${show(request.database)} is ${ENGINE[databaseKind]} database`;
  if (request.rolesKind && request.rolesKind !== databaseKind) {
    return {
      ok: false,
      input: 'role',
      message:
        `${request.roles.join(', ')} ${request.roles.length === 1 ? 'is a role' : 'are roles'} for ${ENGINE[request.rolesKind]} database, but ${database}: ` +
        (databaseKind === 'mysql'
          ? 'use one of reader, writer, readwriter or admin.'
          : 'give the roles to inherit, e.g. pg_read_all_data, pg_write_all_data or postgres.'),
    };
  }
  if (databaseKind === 'postgresql' && request.cidrs.length > 0) {
    return { ok: false, input: 'cidrs', message: `applies to branch passwords on Vitess databases, but ${database}: remove cidrs.` };
  }
  return {
    ok: true,
    kind: credentialKindOf(databaseKind),
    roles: request.roles.length > 0 ? request.roles : [...DEFAULT_ROLE[databaseKind]],
  };
}
