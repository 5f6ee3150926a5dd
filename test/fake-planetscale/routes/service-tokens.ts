// Service-token endpoints (https://api-docs.planetscale.com/reference/service-tokens): create / list / get / delete
// from the spec, plus the spec-less /access (grant, list, revoke) and /grants used by pscale.

import { type AccessLevel, isKnownAccess } from '../accesses.ts';
import { notFound, unprocessable } from '../errors.ts';
import { mapPage, paginate } from '../pagination.ts';
import { requireOrgAccess, requireOrganization } from '../permissions.ts';
import { accessRecordJson, grantsJson, serviceTokenJson } from '../responses.ts';
import { objectBody, type Route, type RouteContext } from '../router.ts';
import type { Organization, ServiceToken } from '../state.ts';

const BASE = '/v1/organizations/:org/service-tokens';

/** The `:id` token, which must exist in this organization and not be deleted. */
function requireToken(ctx: RouteContext, org: Organization): ServiceToken {
  const token = ctx.state.liveServiceToken(org.name, ctx.params['id'] ?? '');
  if (!token) throw notFound();
  return token;
}

/** `{database, access}` as sent to POST and DELETE `/access`. */
interface AccessChange {
  level: AccessLevel;
  /** null for organization level. */
  databaseId: string | null;
  names: string[];
}

/**
 * Validates a grant/revoke body. `database` is required ("" means organization level) because
 * pscale always sends it; `access` is a non-empty array of names known at that level.
 */
function parseAccessChange(ctx: RouteContext, org: Organization): AccessChange {
  const body = objectBody(ctx);
  const { database, access } = body;
  if (typeof database !== 'string') {
    throw unprocessable('database must be a string: a database name, or "" for organization-level access');
  }
  if (!Array.isArray(access) || access.length === 0 || !access.every((a) => typeof a === 'string' && a !== '')) {
    throw unprocessable('access must be a non-empty array of access names');
  }
  let databaseId: string | null = null;
  if (database !== '') {
    const db = org.databases.get(database);
    if (!db) throw notFound();
    databaseId = db.id;
  }
  const level: AccessLevel = databaseId === null ? 'organization' : 'database';
  const names = [...new Set(access as string[])];
  const unknown = names.filter((n) => !isKnownAccess(level, n));
  if (unknown.length > 0) {
    throw unprocessable(`Unknown ${level} access: ${unknown.join(', ')}`);
  }
  return { level, databaseId, names };
}

export const serviceTokenRoutes: Route[] = [
  {
    method: 'POST',
    pattern: BASE,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['write_service_tokens']);
      const body = objectBody(ctx);
      const name = body['name'] ?? null;
      if (name !== null && typeof name !== 'string') throw unprocessable('name must be a string');
      const ttl = body['ttl'] ?? undefined;
      // The spec types ttl as an integer; the fake is strict (no numeric strings, no zero), so
      // a client that sends anything else is caught here rather than by PlanetScale.
      if (ttl !== undefined && !(typeof ttl === 'number' && Number.isSafeInteger(ttl) && ttl > 0)) {
        throw unprocessable('ttl must be a positive integer number of seconds');
      }
      const token = ctx.state.createServiceToken(org.name, {
        name,
        ttlSeconds: ttl,
        minted: true,
        creator: ctx.principal,
      });
      return { status: 200, body: serviceTokenJson(ctx, token, { withSecret: true }) };
    },
  },
  {
    method: 'GET',
    pattern: BASE,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['read_service_tokens']);
      // Creation order; expired tokens stay listed until deleted.
      const tokens = ctx.state.allServiceTokens().filter((t) => t.org === org.name && t.deletedAt === null);
      const page = paginate(tokens, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (t) => serviceTokenJson(ctx, t, { withSecret: false })) };
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:id`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['read_service_tokens']);
      const token = requireToken(ctx, org);
      return { status: 200, body: serviceTokenJson(ctx, token, { withSecret: false }) };
    },
  },
  {
    method: 'DELETE',
    pattern: `${BASE}/:id`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['delete_service_tokens']);
      ctx.state.deleteServiceToken(requireToken(ctx, org));
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:id/access`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['read_service_tokens']);
      const token = requireToken(ctx, org);
      const page = paginate(token.accesses, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (g) => accessRecordJson(ctx, token, g)) };
    },
  },
  {
    method: 'POST',
    pattern: `${BASE}/:id/access`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['write_service_tokens']);
      const token = requireToken(ctx, org);
      const change = parseAccessChange(ctx, org);
      // The delegation rule from PlanetScale's docs: you may only add accesses you hold
      // yourself, on that same resource. Refused like any missing permission: 404.
      for (const name of change.names) {
        if (!ctx.state.holds(ctx.principal.accesses, name, change.databaseId)) throw notFound();
      }
      const grants = ctx.state.grant(token, change.names, change.databaseId);
      // Paged like every list envelope (PlanetScale's API docs): past 25 records the answer is page 1, and
      // next_page_url reads on through GET /access.
      const page = paginate(grants, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (g) => accessRecordJson(ctx, token, g)) };
    },
  },
  {
    method: 'DELETE',
    pattern: `${BASE}/:id/access`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['write_service_tokens']);
      const token = requireToken(ctx, org);
      const change = parseAccessChange(ctx, org);
      ctx.state.revoke(token, change.names, change.databaseId);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:id/grants`,
    handle: (ctx) => {
      const org = requireOrganization(ctx);
      requireOrgAccess(ctx, ['read_service_tokens']);
      const token = requireToken(ctx, org);
      return { status: 200, body: paginate(grantsJson(ctx, token), ctx.query, ctx.pageUrl) };
    },
  },
];
