// Database and branch endpoints: enough for a minted token to prove it works where it was
// granted and is refused elsewhere. Each route lists the service-token accesses the spec's
// "Authorization" section names for it (any one of them suffices).

import { notFound, unprocessable } from '../errors.ts';
import { mapPage, paginate } from '../pagination.ts';
import { holdsOnDatabase, requireDatabase, requireDatabaseAccess, requireOrgAccess, requireOrganization } from '../permissions.ts';
import { branchJson, databaseJson } from '../responses.ts';
import { objectBody, type Route } from '../router.ts';

/**
 * list_databases. API.md and the docs put `read_databases` at organization level, and it
 * shows every database. The spec's list for this endpoint instead names only database-level
 * accesses; the fake reads that as "a token also sees the databases it holds any of these on".
 */
const LIST_DATABASES_ORG_ACCESS = 'read_databases';
const LIST_DATABASES_DB_ACCESSES: readonly string[] = [
  'read_database', 'delete_database', 'write_database', 'read_branch', 'delete_branch', 'create_branch',
  'promote_branches', 'demote_branches', 'delete_production_branch', 'connect_branch',
  'connect_production_branch', 'connect_production_read_only_branch', 'delete_branch_password',
  'delete_production_branch_password', 'delete_production_read_only_branch_password',
  'read_deploy_request', 'create_deploy_request', 'approve_deploy_request', 'read_comment',
  'create_comment', 'restore_backup', 'restore_production_branch_backup', 'read_backups',
  'write_backups', 'delete_backups', 'delete_production_branch_backups', 'write_branch_vschema',
  'write_production_branch_vschema',
];

/** list_branches: the spec's list. */
const LIST_BRANCHES_ACCESSES: readonly string[] = [
  'read_branch', 'delete_branch', 'create_branch', 'connect_production_branch', 'connect_branch',
];

/**
 * create_branch: the spec also lists restore_backup / restore_production_branch_backup, which
 * apply to creating a branch from a backup (`backup_id`); the fake does not model backups.
 */
const CREATE_BRANCH_ACCESSES: readonly string[] = ['create_branch'];

const DB = '/v1/organizations/:org/databases/:db';

export const databaseRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/organizations/:org/databases',
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      const all = [...org.databases.values()];
      const seesAll = ctx.state.holds(ctx.principal.accesses, LIST_DATABASES_ORG_ACCESS, null);
      const visible = seesAll ? all : all.filter((db) => holdsOnDatabase(ctx, db, LIST_DATABASES_DB_ACCESSES));
      if (!seesAll && visible.length === 0) requireOrgAccess(ctx, [LIST_DATABASES_ORG_ACCESS]); // throws 404
      const page = paginate(visible, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (db) => databaseJson(ctx, db)) };
    },
  },
  {
    method: 'GET',
    pattern: `${DB}/branches`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      const db = requireDatabase(ctx, org);
      requireDatabaseAccess(ctx, db, LIST_BRANCHES_ACCESSES);
      const page = paginate(db.branches, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (b) => branchJson(ctx, db, b)) };
    },
  },
  {
    method: 'POST',
    pattern: `${DB}/branches`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      const db = requireDatabase(ctx, org);
      requireDatabaseAccess(ctx, db, CREATE_BRANCH_ACCESSES);
      const body = objectBody(ctx);
      const name = body['name'];
      if (typeof name !== 'string' || name === '') throw unprocessable('name is required');
      const parent = body['parent_branch'] ?? 'main';
      if (typeof parent !== 'string') throw unprocessable('parent_branch must be a string');
      if (!db.branches.some((b) => b.name === parent)) throw notFound();
      if (db.branches.some((b) => b.name === name)) throw unprocessable(`Name ${name} has already been taken`);
      const branch = ctx.state.addBranch(db, name, parent, ctx.principal.actor);
      return { status: 201, body: branchJson(ctx, db, branch) };
    },
  },
];
