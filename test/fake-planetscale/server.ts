// The HTTP side of the fake: a real server on 127.0.0.1 (random port), request recording,
// the order of checks (authenticate, route, parse body, handle), and the public test API.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.ts';
import { ApiError, badRequest, notFound } from './errors.ts';
import { applyFault, FaultInjector } from './faults.ts';
import { errorJson } from './responses.ts';
import { matchRoute, type RouteContext, type RouteResult } from './router.ts';
import type { Backends } from './routes/credentials.ts';
import { routes } from './routes/index.ts';
import {
  type Credential,
  type Database,
  type DatabaseKind,
  type FakeTokenView,
  FakeState,
  type Principal,
  type SeedAccesses,
} from './state.ts';

export interface RecordedRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names. `authorization` is never stored: see credentialId. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON; the raw text if it was not JSON; undefined if there was no body. */
  body: unknown;
  status: number;
  /** The authenticated credential: a service token id, or "oauth:<first 6 chars>". */
  credentialId?: string;
}

/** A JSON body that failed to parse, kept apart from "no body" and from valid JSON. */
interface UnparsableBody {
  raw: string;
}

/** A password or role as a test sees it; never its secret. */
export interface CredentialView {
  id: string;
  name: string;
  branch: string;
  username: string;
  roles: string[];
  ttlSeconds: number | null;
  deleted: boolean;
  isDefault: boolean;
}

export class FakePlanetScale {
  /** e.g. "http://127.0.0.1:43125" (https with `tls`), no trailing slash. */
  readonly url: string;
  /** Every request received, in order. A connection dropped before acting is recorded with status 0. */
  readonly requests: RecordedRequest[] = [];
  /** Scripted faults, rate limit and their clock (faults.ts). */
  readonly faults = new FaultInjector();
  /** The most requests open at once (received, not yet answered or dropped) since start or clearRequests(). */
  maxInFlight = 0;
  #inFlight = 0;
  #arrivalWaiters: { method: string; path: string | RegExp; arrived: () => void }[] = [];
  readonly #server: Server;
  readonly #state: FakeState;
  readonly #backends: Backends;

  private constructor(server: Server, url: string, state: FakeState, backends: Backends) {
    this.#server = server;
    this.url = url;
    this.#state = state;
    this.#backends = backends;
  }

  /**
   * `port`: 0 (the default) picks a free one; `npm run fake-api` passes a fixed one. `tls`: serve
   * https with this key and certificate (PEM), as PlanetScale does; the bench uses it. `backends`:
   * real servers on which the passwords (mysql) and roles (postgresql) the fake mints are logins.
   */
  static async start(
    options: { now?: Date; port?: number; tls?: { key: string | Buffer; cert: string | Buffer }; backends?: Backends } = {},
  ): Promise<FakePlanetScale> {
    const state = new FakeState(options.now ?? new Date());
    const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }) : createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakePlanetScale(server, `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`, state, options.backends ?? {});
    // Attached after listen, but before anyone knows the port, so no request is missed.
    server.on('request', (req: IncomingMessage, res: ServerResponse) => fake.#receive(req, res));
    return fake;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.close((err) => (err ? reject(err) : resolve()));
      // fetch keeps connections alive; without this close() would wait for them to time out.
      this.#server.closeAllConnections();
    });
  }

  // --- seeding ---------------------------------------------------------------------------------

  addOrganization(name: string): void {
    this.#state.addOrganization(name);
  }

  /**
   * `requireApprovalForDeploy`: the database setting that brings in the self-approval rule.
   * `kind`: Vitess (mysql, the default) or Postgres.
   */
  addDatabase(org: string, name: string, options: { requireApprovalForDeploy?: boolean; kind?: DatabaseKind } = {}): void {
    this.#state.addDatabase(org, name, options);
  }

  /** Deploy requests created from now on answer deployment_state pending to their first `reads` reads. */
  answerPendingFor(reads: number): void {
    this.#state.pendingReads = reads;
  }

  /** A development branch of `database`, made as if someone had created it (the bench seeds one). */
  addBranch(org: string, database: string, name: string, parentBranch = 'main'): void {
    this.#state.addBranch(this.#database(org, database), name, parentBranch, null);
  }

  /** A service token placed directly, e.g. the long-lived "minting" token. No ttl: never expires. */
  addServiceToken(
    org: string,
    accesses: SeedAccesses,
    options: { name?: string; ttlSeconds?: number; credential?: { id: string; token: string } } = {},
  ): { id: string; token: string } {
    const token = this.#state.seedServiceToken(org, accesses, options);
    return { id: token.id, token: token.secret };
  }

  /** An OAuth access token (sent as "Authorization: Bearer <token>") with these accesses in one org. */
  addOAuthToken(org: string, accesses: SeedAccesses): string {
    return this.#state.addOAuthToken(org, accesses);
  }

  // --- inspection --------------------------------------------------------------------------

  clearRequests(): void {
    this.requests.length = 0;
    this.maxInFlight = this.#inFlight;
  }

  /** Service tokens that exist now (not deleted), expired ones included, in creation order. */
  tokens(org?: string): FakeTokenView[] {
    return this.#state
      .allServiceTokens()
      .filter((t) => t.deletedAt === null && (org === undefined || t.org === org))
      .map((t) => this.#state.view(t));
  }

  /** Any token ever created, deleted ones included (with deleted: true). */
  token(id: string): FakeTokenView | undefined {
    const token = this.#state.serviceToken(id);
    return token && this.#state.view(token);
  }

  /** Tokens created through POST /service-tokens that are not deleted (expired ones included). */
  mintedTokens(): FakeTokenView[] {
    return this.#state
      .allServiceTokens()
      .filter((t) => t.minted && t.deletedAt === null)
      .map((t) => this.#state.view(t));
  }

  /** Branch names of a database, in creation order (what a flow left behind). */
  branches(org: string, database: string): string[] {
    return this.#database(org, database).branches.map((b) => b.name);
  }

  /** A database's deploy requests: who opened, approved and deployed each, and how it stands. */
  deployRequests(
    org: string,
    database: string,
  ): {
    number: number;
    branch: string;
    state: string;
    approved: boolean;
    deploymentState: string;
    /** What the request changes (schemaDiff's lines); absent where the fake has no backend. */
    diff?: string[];
    createdBy: string;
    reviews: { state: string; by: string }[];
    /** Who closed it by deploying; null when it was closed without a deploy, or is open. */
    deployedBy: string | null;
  }[] {
    return this.#database(org, database).deployRequests.map((dr) => ({
      number: dr.number,
      branch: dr.branch,
      state: dr.state,
      approved: dr.approved,
      deploymentState: dr.deploymentState,
      ...(dr.diff ? { diff: dr.diff } : {}),
      createdBy: dr.createdBy,
      reviews: dr.reviews.map((r) => ({ state: r.state, by: r.actor.id })),
      deployedBy: dr.deployedAt ? (dr.closedBy?.id ?? null) : null,
    }));
  }

  /** A Vitess database's branch passwords (of `branch`, or all), deleted ones included. */
  passwords(org: string, database: string, branch?: string): CredentialView[] {
    return this.#credentials(org, database, 'password', branch);
  }

  /** A Postgres database's roles (of `branch`, or all), deleted ones and default roles included. */
  roles(org: string, database: string, branch?: string): CredentialView[] {
    return this.#credentials(org, database, 'role', branch);
  }

  #credentials(org: string, database: string, kind: Credential['kind'], branchName?: string): CredentialView[] {
    const db = this.#database(org, database);
    const branchIds = new Map(db.branches.map((b) => [b.id, b.name]));
    return db.credentials
      .filter((c) => c.kind === kind && (branchName === undefined || branchIds.get(c.branchId) === branchName))
      .map((c) => ({
        id: c.id,
        name: c.name,
        branch: branchIds.get(c.branchId) ?? '',
        username: c.username,
        roles: [...c.roles],
        ttlSeconds: c.ttlSeconds,
        deleted: c.deletedAt !== null,
        isDefault: c.isDefault,
      }));
  }

  #database(org: string, database: string): Database {
    const db = this.#state.database(org, database);
    if (!db) throw new Error(`fake: no database ${database} in ${org}`);
    return db;
  }

  now(): Date {
    return this.#state.now();
  }

  advance(ms: number): void {
    this.#state.advance(ms);
  }

  /**
   * Resolves when a request for `method` and `path` has arrived whole, before it is acted on: what a test
   * waits for to act on a call in flight, where a fixed time would race a busy machine.
   */
  arrival(method: string, path: string | RegExp): Promise<void> {
    return new Promise((arrived) => this.#arrivalWaiters.push({ method, path, arrived }));
  }

  // --- HTTP ----------------------------------------------------------------------------------

  #arrived(method: string, path: string): void {
    this.#arrivalWaiters = this.#arrivalWaiters.filter((w) => {
      const matches = w.method === method && (typeof w.path === 'string' ? w.path === path : w.path.test(path));
      if (matches) w.arrived();
      return !matches;
    });
  }

  #receive(req: IncomingMessage, res: ServerResponse): void {
    this.#inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    res.once('close', () => this.#inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', this.url).pathname;
      this.#arrived(req.method ?? 'GET', path);
      const fault = this.faults.decide(req.method ?? 'GET', path, headerValue(req.headers.authorization) ?? '');
      void applyFault(fault, {
        handle: () => this.#respond(req, rawBody),
        send: (result) => this.#send(res, result),
        answer: (status, headers, body) => {
          this.#record(req, rawBody, status);
          this.#send(res, { status, body }, headers);
        },
        drop: (handled) => {
          if (!handled) this.#record(req, rawBody, 0);
          res.destroy();
        },
        alter: (result, alter) => ({ ...result, body: alter(result.body) }),
      });
    });
    req.on('error', () => res.destroy());
  }

  /** Handles one request and records it; the answer is sent by #send (or lost, by a fault). */
  async #respond(req: IncomingMessage, rawBody: string): Promise<RouteResult> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    const body = parseBody(rawBody);

    let principal: Principal | undefined;
    let result: RouteResult;
    try {
      principal = authenticate(this.#state, headerValue(req.headers.authorization));
      const match = matchRoute(routes, method, url.pathname);
      if (!match) throw notFound();
      if (isUnparsable(body)) throw badRequest('The request body is not valid JSON');
      const ctx: RouteContext = {
        state: this.#state,
        baseUrl: this.url,
        principal,
        params: match.params,
        query,
        body,
        backends: this.#backends,
        pageUrl: (page, perPage) => {
          const next = new URL(url);
          next.searchParams.set('page', String(page));
          next.searchParams.set('per_page', String(perPage));
          return next.toString();
        },
      };
      result = await match.route.handle(ctx);
    } catch (err) {
      if (err instanceof ApiError) {
        result = { status: err.status, body: errorJson(err.code, err.message) };
      } else {
        // A bug in the fake: make it loud in the test that hit it.
        console.error('fake-planetscale: internal error', err);
        result = { status: 500, body: errorJson('internal_server_error', String(err)) };
      }
    }

    this.#record(req, rawBody, result.status, principal);
    return result;
  }

  #record(req: IncomingMessage, rawBody: string, status: number, principal?: Principal): void {
    const url = new URL(req.url ?? '/', this.url);
    const body = parseBody(rawBody);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: recordableHeaders(req),
      body: isUnparsable(body) ? body.raw : body,
      status,
    };
    if (principal) recorded.credentialId = principal.credentialId;
    this.requests.push(recorded);
  }

  #send(res: ServerResponse, result: RouteResult, extra: Record<string, string> = {}): void {
    if (res.destroyed) return; // the client gave up (timed out, cancelled) while a fault delayed us
    // PlanetScale's Date is its own clock's, which also dates expires_at: the model clock's here.
    const headers = { date: this.#state.now().toUTCString(), ...extra };
    if (result.body === undefined) {
      res.writeHead(result.status, headers).end();
    } else {
      const json = JSON.stringify(result.body);
      res
        .writeHead(result.status, {
          ...headers,
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(json),
        })
        .end(json);
    }
  }
}

// A body that is not valid JSON is remembered as an UnparsableBody object. A WeakSet marks the
// ones parseBody made, so that a valid JSON body that happens to look like `{"raw": ...}` is
// not mistaken for one.
const unparsableBodies = new WeakSet<object>();

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    const unparsable: UnparsableBody = { raw };
    unparsableBodies.add(unparsable);
    return unparsable;
  }
}

function isUnparsable(body: unknown): body is UnparsableBody {
  return typeof body === 'object' && body !== null && unparsableBodies.has(body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function recordableHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'authorization') continue; // never keep credentials
    out[name] = headerValue(value);
  }
  return out;
}
