// Resource lookup and permission checks shared by the routes. All of them fail with the same
// 404 not_found: PlanetScale does not tell "no such thing" from "you may not see it", and a
// credential from another organization sees nothing of this one.

import { notFound } from './errors.ts';
import type { RouteContext } from './router.ts';
import type { Database, Organization } from './state.ts';

/** The `:org` of the path, which must exist and be the caller's own organization. */
export function requireOrganization(ctx: RouteContext): Organization {
  const name = ctx.params['org'] ?? '';
  const org = ctx.state.organization(name);
  if (!org || ctx.principal.org !== org.name) throw notFound();
  return org;
}

/** The caller must hold at least one of `anyOf` at organization level. */
export function requireOrgAccess(ctx: RouteContext, anyOf: readonly string[]): void {
  if (!anyOf.some((a) => ctx.state.holds(ctx.principal.accesses, a, null))) throw notFound();
}

/** The `:db` of the path, in an organization already checked by requireOrganization. */
export function requireDatabase(ctx: RouteContext, org: Organization): Database {
  const db = org.databases.get(ctx.params['db'] ?? '');
  if (!db) throw notFound();
  return db;
}

/** Whether the caller holds at least one of `anyOf` on this database. */
export function holdsOnDatabase(ctx: RouteContext, db: Database, anyOf: readonly string[]): boolean {
  return anyOf.some((a) => ctx.state.holds(ctx.principal.accesses, a, db.id));
}

/** The caller must hold at least one of `anyOf` on this database. */
export function requireDatabaseAccess(ctx: RouteContext, db: Database, anyOf: readonly string[]): void {
  if (!holdsOnDatabase(ctx, db, anyOf)) throw notFound();
}
