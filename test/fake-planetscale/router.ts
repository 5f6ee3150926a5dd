// Routing: a flat table of {method, pattern, handle}. New endpoints (deploy requests next) are
// one more entry in a routes/*.ts file; handlers get everything through RouteContext and
// report failures by throwing ApiError.

import { unprocessable } from './errors.ts';
import type { PageUrl } from './pagination.ts';
import type { Backends } from './routes/credentials.ts';
import type { ResponseContext } from './responses.ts';
import type { Principal } from './state.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext extends ResponseContext {
  /** The authenticated caller. Every route requires authentication. */
  principal: Principal;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** Absolute URL of this request with another page, for list envelopes. */
  pageUrl: PageUrl;
  /** The real database servers behind credentials, if any. */
  backends: Backends;
}

export interface RouteResult {
  status: number;
  /** JSON body; undefined sends no body at all (e.g. 204). */
  body?: unknown;
}

export interface Route {
  method: Method;
  /** e.g. "/v1/organizations/:org/service-tokens/:id"; ":name" segments become params. */
  pattern: string;
  handle: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Finds the route for a raw (still percent-encoded) path. Segments are split before decoding,
 * so an encoded "/" inside a name stays part of that name. A path that matches with another
 * method is still "no route": PlanetScale answers 404 for both.
 */
export function matchRoute(routes: readonly Route[], method: string, rawPath: string): RouteMatch | undefined {
  // Tolerate one trailing slash, as Rails-style routers do.
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route.pattern.split('/'), segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const s = segments[i] ?? '';
    if (p.startsWith(':')) {
      if (s === '') return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(s);
      } catch {
        return undefined; // malformed percent-encoding: no such resource
      }
      params[p.slice(1)] = decoded;
    } else if (p !== s) {
      return undefined;
    }
  }
  return params;
}

/**
 * The JSON body as an object; no body counts as `{}`. Valid JSON that is not an object is
 * 422 (it parsed, but cannot be processed), unlike unparsable JSON, which the server
 * rejects with 400 before any handler runs.
 */
export function objectBody(ctx: RouteContext): Record<string, unknown> {
  if (ctx.body === undefined) return {};
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    throw unprocessable('The request body must be a JSON object');
  }
  return ctx.body as Record<string, unknown>;
}
