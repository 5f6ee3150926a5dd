// Branch endpoints: list, create, get, delete. Each route lists the service-token accesses the
// spec's "Authorization" section names for it (any one of them suffices); deleting a production
// branch takes `delete_production_branch` instead of `delete_branch` (test/fixtures/planetscale/accesses.json).

import { notFound, unprocessable } from '../errors.ts';
import { mapPage, paginate } from '../pagination.ts';
import { requireDatabase, requireDatabaseAccess, requireOrganization } from '../permissions.ts';
import { branchJson } from '../responses.ts';
import { objectBody, type Route, type RouteContext } from '../router.ts';
import type { Branch, Database } from '../state.ts';

/** list_branches and get_branch: the spec's list. */
const READ_BRANCH_ACCESSES: readonly string[] = [
  'read_branch',
  'delete_branch',
  'create_branch',
  'connect_production_branch',
  'connect_branch',
];

/**
 * create_branch: the spec also lists restore_backup / restore_production_branch_backup, which
 * apply to creating a branch from a backup (`backup_id`); the fake does not model backups.
 */
const CREATE_BRANCH_ACCESSES: readonly string[] = ['create_branch'];

export const DB = '/v1/organizations/:org/databases/:db';

/** The `:db` of the path, checked for the caller's organization and one of `anyOf` on it. */
export function requireDatabaseWith(ctx: RouteContext, anyOf: readonly string[]): Database {
  const db = requireDatabase(ctx, requireOrganization(ctx));
  requireDatabaseAccess(ctx, db, anyOf);
  return db;
}

/** A branch of `db` by name; 404 when there is none. */
export function requireBranch(db: Database, name: string): Branch {
  const branch = db.branches.find((b) => b.name === name);
  if (!branch) throw notFound();
  return branch;
}

export const branchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${DB}/branches`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, READ_BRANCH_ACCESSES);
      const page = paginate(db.branches, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (b) => branchJson(ctx, db, b)) };
    },
  },
  {
    method: 'POST',
    pattern: `${DB}/branches`,
    handle: async (ctx) => {
      const db = requireDatabaseWith(ctx, CREATE_BRANCH_ACCESSES);
      const body = objectBody(ctx);
      const name = body['name'];
      if (typeof name !== 'string' || name === '') throw unprocessable('name is required');
      const parent = body['parent_branch'] ?? 'main';
      if (typeof parent !== 'string') throw unprocessable('parent_branch must be a string');
      requireBranch(db, parent);
      if (db.branches.some((b) => b.name === name)) throw unprocessable(`Name ${name} has already been taken`);
      const branch = ctx.state.addBranch(db, name, parent, ctx.principal.actor);
      // A MySQL backend's schema now is the new branch's base: its deploy requests diff against it.
      const backend = db.kind === 'mysql' ? ctx.backends.mysql : undefined;
      // Read before the answer, so that a change made once the branch exists is in its diff.
      if (backend?.schema) branch.baseSchema = await backend.schema(db.name);
      return { status: 201, body: branchJson(ctx, db, branch) };
    },
  },
  {
    method: 'GET',
    pattern: `${DB}/branches/:branch`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, READ_BRANCH_ACCESSES);
      return { status: 200, body: branchJson(ctx, db, requireBranch(db, ctx.params['branch'] ?? '')) };
    },
  },
  {
    method: 'DELETE',
    pattern: `${DB}/branches/:branch`,
    handle: (ctx) => {
      const db = requireDatabase(ctx, requireOrganization(ctx));
      const branch = requireBranch(db, ctx.params['branch'] ?? '');
      // Checked after the lookup because the access needed depends on the branch; a missing
      // branch and a missing access are both 404, so the order reveals nothing.
      requireDatabaseAccess(ctx, db, [branch.production ? 'delete_production_branch' : 'delete_branch']);
      ctx.state.deleteBranch(db, branch, ctx.principal.actor);
      return { status: 204 };
    },
  },
];
