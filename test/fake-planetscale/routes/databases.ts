// Database endpoints (branches are in branches.ts). Each route lists the service-token accesses
// the spec's "Authorization" section names for it (any one of them suffices).

import { mapPage, paginate } from '../pagination.ts';
import { holdsOnDatabase, requireOrgAccess, requireOrganization } from '../permissions.ts';
import { databaseJson } from '../responses.ts';
import type { Route } from '../router.ts';

/**
 * list_databases. PlanetScale's docs put `read_databases` at organization level, and it
 * shows every database. The spec's list for this endpoint instead names only database-level
 * accesses; the fake reads that as "a token also sees the databases it holds any of these on".
 */
const LIST_DATABASES_ORG_ACCESS = 'read_databases';
export const LIST_DATABASES_DB_ACCESSES: readonly string[] = [
  'read_database',
  'delete_database',
  'write_database',
  'read_branch',
  'delete_branch',
  'create_branch',
  'promote_branches',
  'demote_branches',
  'delete_production_branch',
  'connect_branch',
  'connect_production_branch',
  'connect_production_read_only_branch',
  'delete_branch_password',
  'delete_production_branch_password',
  'delete_production_read_only_branch_password',
  'read_deploy_request',
  'create_deploy_request',
  'approve_deploy_request',
  'read_comment',
  'create_comment',
  'restore_backup',
  'restore_production_branch_backup',
  'read_backups',
  'write_backups',
  'delete_backups',
  'delete_production_branch_backups',
  'write_branch_vschema',
  'write_production_branch_vschema',
];

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
];
