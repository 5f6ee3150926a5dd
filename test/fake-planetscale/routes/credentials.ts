// The database and its credentials: get_database, branch passwords (Vitess) and roles
// (Postgres). Each route lists the service-token accesses the spec's "Authorization" section
// names for it (any one of them suffices); on a production branch only the production variants
// count. A password route on a Postgres database, or a role route on a Vitess one, is 404, as
// there is no such resource. With a backend (backends.ts), each credential is a real login on a
// real server, made before the create answer and dropped before the delete answer.

import type { CredentialBackend } from '../backends.ts';
import { notFound, unprocessable } from '../errors.ts';
import { mapPage, paginate } from '../pagination.ts';
import { requireDatabaseAccess } from '../permissions.ts';
import { databaseJson, passwordJson, roleJson } from '../responses.ts';
import { objectBody, type Route, type RouteContext } from '../router.ts';
import type { Branch, Credential, Database } from '../state.ts';
import { DB, requireBranch, requireDatabaseWith } from './branches.ts';
import { LIST_DATABASES_DB_ACCESSES } from './databases.ts';

/** get_database: the same list as list_databases' database-level one. */
const GET_DATABASE_ACCESSES = LIST_DATABASES_DB_ACCESSES;

/** list_passwords, get_password, list_roles, get_role, get_default_role. */
const READ_CREDENTIAL_ACCESSES = {
  branch: ['read_branch', 'delete_branch', 'create_branch', 'connect_branch'],
  production: ['read_branch', 'delete_branch', 'create_branch', 'connect_production_branch', 'connect_production_read_only_branch'],
};
/** create_password. */
const CREATE_PASSWORD_ACCESSES = {
  branch: ['connect_branch'],
  production: ['connect_production_branch', 'connect_production_read_only_branch'],
};
/** create_role. */
const CREATE_ROLE_ACCESSES = {
  branch: ['create_branch_password'],
  production: ['create_production_branch_password', 'create_production_read_only_branch_password'],
};
/** delete_password and delete_role. */
const DELETE_CREDENTIAL_ACCESSES = {
  branch: ['delete_branch_password'],
  production: ['delete_production_branch_password', 'delete_production_read_only_branch_password'],
};

// The spec's enums for create_password's role and create_role's inherited_roles, written out here
// rather than taken from src/, so that the fake checks the action against the spec, not itself.
const PASSWORD_ROLES = new Set(['reader', 'writer', 'admin', 'readwriter']);
const INHERITABLE_ROLES = new Set([
  'pg_checkpoint',
  'pg_create_subscription',
  'pg_maintain',
  'pg_monitor',
  'pg_read_all_data',
  'pg_read_all_settings',
  'pg_read_all_stats',
  'pg_signal_backend',
  'pg_stat_scan_tables',
  'pg_use_reserved_connections',
  'pg_write_all_data',
  'postgres',
]);

/** The real servers behind the fake, by database kind. */
export interface Backends {
  mysql?: CredentialBackend;
  postgresql?: CredentialBackend;
}

type Kind = Credential['kind'];
const kindOf = (db: Database): Kind => (db.kind === 'postgresql' ? 'role' : 'password');

/** The database and branch of the path, for `kind`'s routes, with one of `accesses` held on the database. */
function requireBranchFor(
  ctx: RouteContext,
  kind: Kind,
  accesses: { branch: string[]; production: string[] },
): { db: Database; branch: Branch } {
  // Any of the accesses lets the lookups run; the branch then decides which variants count.
  const db = requireDatabaseWith(ctx, [...accesses.branch, ...accesses.production]);
  if (kindOf(db) !== kind) throw notFound();
  const branch = requireBranch(db, ctx.params['branch'] ?? '');
  requireDatabaseAccess(ctx, db, branch.production ? accesses.production : accesses.branch);
  return { db, branch };
}

function requireCredential(ctx: RouteContext, db: Database, branch: Branch): Credential {
  const credential = ctx.state.liveCredentials(db, branch).find((c) => c.id === ctx.params['id']);
  if (!credential) throw notFound();
  return credential;
}

const backendFor = (ctx: RouteContext, db: Database): CredentialBackend | undefined => ctx.backends[db.kind];

/** host:port of the server, or PlanetScale's own host name (no port) without one. */
function accessHost(ctx: RouteContext, db: Database): string {
  const backend = backendFor(ctx, db);
  if (backend) return `${backend.host}:${backend.port}`;
  return 'aws.connect.psdb.cloud';
}

const ensured = new WeakMap<CredentialBackend, Map<string, Promise<void>>>();

/** The branch's database on the server, made once. */
function ensureDatabase(backend: CredentialBackend, database: string): Promise<void> {
  const made = ensured.get(backend) ?? new Map<string, Promise<void>>();
  ensured.set(backend, made);
  let making = made.get(database);
  if (!making) {
    making = backend.ensureDatabase(database);
    made.set(database, making);
  }
  return making;
}

function json(ctx: RouteContext, db: Database, branch: Branch, credential: Credential, withSecret: boolean): unknown {
  const shape = credential.kind === 'role' ? roleJson : passwordJson;
  return shape(db, branch, credential, accessHost(ctx, db), { withSecret });
}

/** The `q` filter: a search on the name, as PlanetScale's is (it may match more than the exact name). */
function listed(ctx: RouteContext, db: Database, branch: Branch): Credential[] {
  const q = ctx.query['q'];
  return ctx.state.liveCredentials(db, branch).filter((c) => !c.isDefault && (q === undefined || c.name.includes(q)));
}

/** A Postgres branch's default role: made on first use; its login is the server's admin. */
function defaultRole(ctx: RouteContext, db: Database, branch: Branch): Credential {
  const existing = ctx.state.liveCredentials(db, branch).find((c) => c.isDefault);
  if (existing) return existing;
  const role = ctx.state.addCredential(db, branch, {
    name: 'postgres',
    roles: [],
    cidrs: [],
    ttlSeconds: null,
    // PlanetScale makes it with the branch; the fake dates it from the first caller who asks.
    actor: ctx.principal.actor,
    isDefault: true,
  });
  role.username = backendFor(ctx, db)?.adminUser ?? 'postgres';
  return role;
}

function ttlOf(body: Record<string, unknown>): number | null {
  const ttl = body['ttl'];
  if (ttl === undefined || ttl === 0) return null;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0) throw unprocessable('ttl must be a whole number of seconds');
  return ttl;
}

function stringList(body: Record<string, unknown>, field: string, allowed?: Set<string>): string[] {
  const value = body[field] ?? [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw unprocessable(`${field} must be a list of strings`);
  }
  const wrong = allowed ? value.find((v) => !allowed.has(v)) : undefined;
  if (wrong !== undefined) throw unprocessable(`${field}: ${wrong} is not allowed`);
  return value;
}

const listRoute = (kind: Kind, segment: string): Route => ({
  method: 'GET',
  pattern: `${DB}/branches/:branch/${segment}`,
  handle: (ctx) => {
    const { db, branch } = requireBranchFor(ctx, kind, READ_CREDENTIAL_ACCESSES);
    const page = paginate(listed(ctx, db, branch), ctx.query, ctx.pageUrl);
    return { status: 200, body: mapPage(page, (c) => json(ctx, db, branch, c, false)) };
  },
});

const getRoute = (kind: Kind, segment: string): Route => ({
  method: 'GET',
  pattern: `${DB}/branches/:branch/${segment}/:id`,
  handle: (ctx) => {
    const { db, branch } = requireBranchFor(ctx, kind, READ_CREDENTIAL_ACCESSES);
    return { status: 200, body: json(ctx, db, branch, requireCredential(ctx, db, branch), false) };
  },
});

const deleteRoute = (kind: Kind, segment: string): Route => ({
  method: 'DELETE',
  pattern: `${DB}/branches/:branch/${segment}/:id`,
  handle: async (ctx) => {
    const { db, branch } = requireBranchFor(ctx, kind, DELETE_CREDENTIAL_ACCESSES);
    const credential = requireCredential(ctx, db, branch);
    if (credential.isDefault) throw unprocessable('The default role cannot be deleted');
    // successor: the role's ID, or its username (with or without the branch ID suffix).
    const successorRef = kind === 'role' ? ctx.query['successor'] : undefined;
    let successor: Credential | undefined;
    if (successorRef !== undefined) {
      const roles = [...ctx.state.liveCredentials(db, branch), defaultRole(ctx, db, branch)];
      successor = roles.find(
        (r) => r !== credential && (r.id === successorRef || r.username === successorRef || `${r.username}.${branch.id}` === successorRef),
      );
      if (!successor) throw notFound();
    }
    ctx.state.deleteCredential(credential);
    await backendFor(ctx, db)?.dropLogin(db.name, credential.username, successor?.username);
    return { status: 204 };
  },
});

export const credentialRoutes: Route[] = [
  {
    method: 'GET',
    pattern: DB,
    handle: (ctx) => ({ status: 200, body: databaseJson(ctx, requireDatabaseWith(ctx, GET_DATABASE_ACCESSES)) }),
  },
  listRoute('password', 'passwords'),
  {
    method: 'POST',
    pattern: `${DB}/branches/:branch/passwords`,
    handle: async (ctx) => {
      const { db, branch } = requireBranchFor(ctx, 'password', CREATE_PASSWORD_ACCESSES);
      const body = objectBody(ctx);
      const role = body['role'] ?? 'admin';
      if (typeof role !== 'string' || !PASSWORD_ROLES.has(role)) throw unprocessable('role must be reader, writer, readwriter or admin');
      const name = body['name'];
      if (name !== undefined && typeof name !== 'string') throw unprocessable('name must be a string');
      const credential = ctx.state.addCredential(db, branch, {
        name: name || `password-${ctx.state.newId()}`,
        roles: [role],
        cidrs: stringList(body, 'cidrs'),
        ttlSeconds: ttlOf(body),
        actor: ctx.principal.actor,
      });
      await login(ctx, db, credential);
      return { status: 201, body: json(ctx, db, branch, credential, true) };
    },
  },
  getRoute('password', 'passwords'),
  deleteRoute('password', 'passwords'),
  listRoute('role', 'roles'),
  {
    method: 'POST',
    pattern: `${DB}/branches/:branch/roles`,
    handle: async (ctx) => {
      const { db, branch } = requireBranchFor(ctx, 'role', CREATE_ROLE_ACCESSES);
      const body = objectBody(ctx);
      const name = body['name'];
      if (name !== undefined && typeof name !== 'string') throw unprocessable('name must be a string');
      const credential = ctx.state.addCredential(db, branch, {
        name: name || `role-${ctx.state.newId()}`,
        roles: stringList(body, 'inherited_roles', INHERITABLE_ROLES),
        cidrs: [],
        ttlSeconds: ttlOf(body),
        actor: ctx.principal.actor,
      });
      await login(ctx, db, credential);
      // The spec documents 200 for this create, not 201.
      return { status: 200, body: json(ctx, db, branch, credential, true) };
    },
  },
  {
    // Before roles/:id, so that "default" is not taken for an ID.
    method: 'GET',
    pattern: `${DB}/branches/:branch/roles/default`,
    handle: (ctx) => {
      const { db, branch } = requireBranchFor(ctx, 'role', READ_CREDENTIAL_ACCESSES);
      return { status: 200, body: json(ctx, db, branch, defaultRole(ctx, db, branch), false) };
    },
  },
  getRoute('role', 'roles'),
  deleteRoute('role', 'roles'),
];

/** The real login for a new credential; a server that refuses it undoes the create. */
async function login(ctx: RouteContext, db: Database, credential: Credential): Promise<void> {
  const backend = backendFor(ctx, db);
  if (!backend) return;
  try {
    await ensureDatabase(backend, db.name);
    await backend.createLogin(db.name, {
      username: credential.username,
      password: credential.secret,
      roles: credential.roles,
      expiresAt: credential.expiresAt,
    });
  } catch (error) {
    ctx.state.deleteCredential(credential);
    throw error;
  }
}
