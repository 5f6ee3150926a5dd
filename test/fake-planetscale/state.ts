// The fake's in-memory model: organizations, databases, branches, service tokens, OAuth
// tokens, their accesses, and a clock. Everything here is synchronous and HTTP-free, so the
// routes stay thin and tests can inspect the same objects the server serves.

import { randomBytes, randomInt } from 'node:crypto';
import { type AccessLevel, isKnownAccess } from './accesses.ts';
import type { Schema } from './backends.ts';

export interface SeedAccesses {
  organization?: string[];
  databases?: Record<string, string[]>;
}

export interface FakeTokenView {
  id: string;
  name: string | null;
  org: string;
  createdAt: Date;
  expiresAt: Date | null;
  deleted: boolean;
  accesses: { organization: string[]; databases: Record<string, string[]> };
  /** Id of the credential that created it (a service token id, or "oauth:<first 6 chars>"). */
  createdBy?: string;
}

/** Who a resource was created by, as shown in `actor_*` fields. */
export interface Actor {
  id: string;
  displayName: string;
  type: 'ServiceToken' | 'User';
}

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
  databases: Map<string, Database>;
}

export interface Database {
  id: string;
  name: string;
  org: string;
  createdAt: Date;
  updatedAt: Date;
  /** In creation order; the first one is the production branch `main`. */
  branches: Branch[];
  /** The database setting "Require administrator approval for deploy requests". */
  requireApprovalForDeploy: boolean;
  /** In creation order; `number` counts from 1 per database, as in PlanetScale. */
  deployRequests: DeployRequest[];
  /** Vitess (MySQL) or Postgres: which credential a branch gives, a password or a role. */
  kind: DatabaseKind;
  /** Branch passwords (Vitess) or roles (Postgres), deleted ones included, in creation order. */
  credentials: Credential[];
}

export type DatabaseKind = 'mysql' | 'postgresql';

/**
 * A branch password or a Postgres role: one login on the branch's database server. A Postgres
 * branch's default role (`isDefault`) is made on first use and owns what deleted roles hand over.
 */
export interface Credential {
  id: string;
  kind: 'password' | 'role';
  name: string;
  branchId: string;
  username: string;
  secret: string;
  /** Vitess: [the password's role]; Postgres: the inherited roles. */
  roles: string[];
  cidrs: string[];
  ttlSeconds: number | null;
  createdAt: Date;
  expiresAt: Date | null;
  deletedAt: Date | null;
  isDefault: boolean;
  actor: Actor | null;
}

export interface DeployRequestReview {
  id: string;
  state: 'commented' | 'approved';
  body: string;
  actor: Actor;
  createdAt: Date;
}

export interface DeployRequest {
  id: string;
  number: number;
  branch: string;
  branchId: string;
  intoBranch: string;
  notes: string;
  actor: Actor;
  /** Credential id of the creator: the self-approval rule compares against it. */
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  state: 'open' | 'closed';
  approved: boolean;
  /**
   * no_changes when the diff is empty; a deploy goes from ready straight to complete (nothing is
   * applied: the branch's changes are on the backend already).
   */
  deploymentState: 'ready' | 'no_changes' | 'complete';
  /** schemaDiff's lines at creation, or null where the fake has no schema to compare (no backend). */
  diff: string[] | null;
  /** Reads left that answer deployment_state pending. */
  pendingReads: number;
  deploymentId: string;
  deployedAt: Date | null;
  closedAt: Date | null;
  closedBy: Actor | null;
  branchDeletedAt: Date | null;
  branchDeletedBy: Actor | null;
  reviews: DeployRequestReview[];
}

export interface Branch {
  id: string;
  name: string;
  parentBranch: string | null;
  production: boolean;
  createdAt: Date;
  updatedAt: Date;
  actor: Actor | null;
  /**
   * With a MySQL backend: its database's schema when the branch was made, the base its deploy
   * requests diff against. The backend has one database per PlanetScale database, shared by all
   * its branches, so the model holds for one branch changed at a time. null without a backend.
   */
  baseSchema: Schema | null;
}

/** One access held by a credential. `databaseId` null means organization level. */
export interface AccessGrant {
  id: string;
  access: string;
  databaseId: string | null;
  createdAt: Date;
}

export interface ServiceToken {
  id: string;
  secret: string;
  org: string;
  name: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  deletedAt: Date | null;
  accesses: AccessGrant[];
  /** Stable ids for `/grants` entries, one per resource ("org" or a database id). */
  grantIds: Map<string, string>;
  /** True when created through `POST /service-tokens`, false when seeded by a test. */
  minted: boolean;
  createdBy?: string;
  actor: Actor | null;
}

export interface OAuthToken {
  token: string;
  org: string;
  accesses: AccessGrant[];
  user: Actor;
}

/**
 * The authenticated caller of one request, whichever kind of credential it used. `accesses`
 * is the live array of the credential, so grants made mid-test take effect immediately.
 */
export interface Principal {
  credentialId: string;
  org: string;
  accesses: AccessGrant[];
  actor: Actor;
  serviceToken?: ServiceToken;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export class FakeState {
  #nowMs: number;
  readonly #usedIds = new Set<string>();
  readonly organizations = new Map<string, Organization>();
  readonly #databasesById = new Map<string, Database>();
  /** Every service token ever created, deleted ones included, in creation order. */
  readonly #serviceTokens: ServiceToken[] = [];
  readonly #serviceTokensById = new Map<string, ServiceToken>();
  readonly #oauthTokens = new Map<string, OAuthToken>();
  /** How many reads of a new deploy request still answer pending, as PlanetScale does while it computes the diff. */
  pendingReads = 0;

  constructor(now: Date) {
    this.#nowMs = now.getTime();
  }

  // --- clock -------------------------------------------------------------------------------
  // The clock only moves through advance(): tests about expiry stay deterministic.

  now(): Date {
    return new Date(this.#nowMs);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance(): expected a non-negative number, got ${ms}`);
    this.#nowMs += ms;
  }

  // --- ids -----------------------------------------------------------------------------------

  /** 12 lowercase letters/digits, like PlanetScale's public ids; unique within this fake. */
  newId(): string {
    for (;;) {
      let id = '';
      for (let i = 0; i < 12; i++) id += ID_ALPHABET.charAt(randomInt(ID_ALPHABET.length));
      if (!this.#usedIds.has(id)) {
        this.#usedIds.add(id);
        return id;
      }
    }
  }

  // --- organizations and databases -------------------------------------------------------------

  addOrganization(name: string): Organization {
    if (this.organizations.has(name)) throw new Error(`organization ${name} already exists`);
    const org: Organization = { id: this.newId(), name, createdAt: this.now(), databases: new Map() };
    this.organizations.set(name, org);
    return org;
  }

  organization(name: string): Organization | undefined {
    return this.organizations.get(name);
  }

  addDatabase(orgName: string, name: string, options: { requireApprovalForDeploy?: boolean; kind?: DatabaseKind } = {}): Database {
    const org = this.organization(orgName);
    if (!org) throw new Error(`addDatabase(): unknown organization ${orgName}`);
    if (org.databases.has(name)) throw new Error(`database ${orgName}/${name} already exists`);
    const now = this.now();
    const db: Database = {
      id: this.newId(),
      name,
      org: orgName,
      createdAt: now,
      updatedAt: now,
      branches: [],
      requireApprovalForDeploy: options.requireApprovalForDeploy ?? false,
      deployRequests: [],
      kind: options.kind ?? 'mysql',
      credentials: [],
    };
    // Every PlanetScale database starts with one production branch.
    db.branches.push({
      id: this.newId(),
      name: 'main',
      parentBranch: null,
      production: true,
      createdAt: now,
      updatedAt: now,
      actor: null,
      baseSchema: null,
    });
    org.databases.set(name, db);
    this.#databasesById.set(db.id, db);
    return db;
  }

  database(orgName: string, name: string): Database | undefined {
    return this.organization(orgName)?.databases.get(name);
  }

  databaseById(id: string): Database | undefined {
    return this.#databasesById.get(id);
  }

  addBranch(db: Database, name: string, parentBranch: string, actor: Actor | null): Branch {
    const now = this.now();
    const branch: Branch = {
      id: this.newId(),
      name,
      parentBranch,
      production: false,
      createdAt: now,
      updatedAt: now,
      actor,
      baseSchema: null,
    };
    db.branches.push(branch);
    return branch;
  }

  /** Removes a branch; deploy requests opened from it remember who deleted it and when. */
  deleteBranch(db: Database, branch: Branch, actor: Actor): void {
    db.branches = db.branches.filter((b) => b !== branch);
    for (const dr of db.deployRequests) {
      if (dr.branchId === branch.id) {
        dr.branchDeletedAt = this.now();
        dr.branchDeletedBy = actor;
      }
    }
  }

  // --- credentials ---------------------------------------------------------------------------

  /** A new password or role on `branch`; `username` and `secret` are made here, as PlanetScale makes them. */
  addCredential(
    db: Database,
    branch: Branch,
    fields: { name: string; roles: string[]; cidrs: string[]; ttlSeconds: number | null; actor: Actor | null; isDefault?: boolean },
  ): Credential {
    const now = this.now();
    const kind = db.kind === 'postgresql' ? 'role' : 'password';
    const credential: Credential = {
      id: this.newId(),
      kind,
      name: fields.name,
      branchId: branch.id,
      // Lower-case letters and digits: a valid unquoted login name on both engines.
      username: `${kind === 'role' ? 'pscale_api' : 'pscale_pw'}_${this.newId()}`,
      secret: `pscale_pw_${randomBytes(24).toString('base64url')}`,
      roles: fields.roles,
      cidrs: fields.cidrs,
      ttlSeconds: fields.ttlSeconds,
      createdAt: now,
      expiresAt: fields.ttlSeconds ? new Date(now.getTime() + fields.ttlSeconds * 1000) : null,
      deletedAt: null,
      isDefault: fields.isDefault ?? false,
      actor: fields.actor,
    };
    db.credentials.push(credential);
    return credential;
  }

  /** The branch's credentials that are not deleted (expired ones included, as PlanetScale lists them). */
  liveCredentials(db: Database, branch: Branch): Credential[] {
    return db.credentials.filter((c) => c.branchId === branch.id && c.deletedAt === null);
  }

  deleteCredential(credential: Credential): void {
    credential.deletedAt = this.now();
  }

  // --- deploy requests -------------------------------------------------------------------------

  addDeployRequest(db: Database, from: Branch, into: Branch, notes: string, creator: Principal, diff: string[] | null): DeployRequest {
    const now = this.now();
    const dr: DeployRequest = {
      id: this.newId(),
      number: db.deployRequests.length + 1,
      branch: from.name,
      branchId: from.id,
      intoBranch: into.name,
      notes,
      actor: creator.actor,
      createdBy: creator.credentialId,
      createdAt: now,
      updatedAt: now,
      state: 'open',
      approved: false,
      deploymentState: diff?.length === 0 ? 'no_changes' : 'ready',
      diff,
      pendingReads: this.pendingReads,
      deploymentId: this.newId(),
      deployedAt: null,
      closedAt: null,
      closedBy: null,
      branchDeletedAt: null,
      branchDeletedBy: null,
      reviews: [],
    };
    db.deployRequests.push(dr);
    return dr;
  }

  addReview(dr: DeployRequest, state: DeployRequestReview['state'], body: string, actor: Actor): DeployRequestReview {
    const review: DeployRequestReview = { id: this.newId(), state, body, actor, createdAt: this.now() };
    dr.reviews.push(review);
    if (state === 'approved') dr.approved = true;
    dr.updatedAt = review.createdAt;
    return review;
  }

  /** Closes it without deploying. */
  close(dr: DeployRequest, actor: Actor): void {
    const now = this.now();
    dr.closedBy = actor;
    dr.state = 'closed';
    dr.closedAt = now;
    dr.updatedAt = now;
  }

  /** Deploys at once (the changes are on the backend already): the request is complete and closed. */
  deploy(dr: DeployRequest, actor: Actor): void {
    const now = this.now();
    dr.closedBy = actor;
    dr.deploymentState = 'complete';
    dr.deployedAt = now;
    dr.state = 'closed';
    dr.closedAt = now;
    dr.updatedAt = now;
  }

  // --- service tokens ----------------------------------------------------------------------------

  createServiceToken(
    orgName: string,
    options: {
      name: string | null;
      ttlSeconds?: number;
      minted: boolean;
      creator?: Principal;
      /** A fixed id and secret (seeding only), e.g. ones a CI workflow set in its env. */
      credential?: { id: string; token: string };
    },
  ): ServiceToken {
    if (!this.organization(orgName)) throw new Error(`unknown organization ${orgName}`);
    const fixedId = options.credential?.id;
    if (fixedId !== undefined && (this.#usedIds.has(fixedId) || !/^[a-z0-9]{12}$/.test(fixedId))) {
      throw new Error(`service token id ${fixedId}: expected 12 lowercase letters/digits, unused`);
    }
    if (fixedId !== undefined) this.#usedIds.add(fixedId);
    const now = this.now();
    const token: ServiceToken = {
      id: fixedId ?? this.newId(),
      // 32 random bytes are exactly 43 base64url characters.
      secret: options.credential?.token ?? `pscale_tkn_${randomBytes(32).toString('base64url')}`,
      org: orgName,
      name: options.name,
      createdAt: now,
      updatedAt: now,
      expiresAt: options.ttlSeconds === undefined ? null : new Date(now.getTime() + options.ttlSeconds * 1000),
      lastUsedAt: null,
      deletedAt: null,
      accesses: [],
      grantIds: new Map(),
      minted: options.minted,
      actor: options.creator?.actor ?? null,
    };
    if (options.creator) token.createdBy = options.creator.credentialId;
    this.#serviceTokens.push(token);
    this.#serviceTokensById.set(token.id, token);
    return token;
  }

  /** A token placed directly by a test (e.g. the long-lived "minting" token). */
  seedServiceToken(
    orgName: string,
    accesses: SeedAccesses,
    options: { name?: string; ttlSeconds?: number; credential?: { id: string; token: string } } = {},
  ): ServiceToken {
    // Resolve first so that a typo in a test's seed fails before anything is created.
    const grants = this.#resolveSeed(orgName, accesses);
    const token = this.createServiceToken(orgName, {
      name: options.name ?? null,
      ttlSeconds: options.ttlSeconds,
      minted: false,
      ...(options.credential ? { credential: options.credential } : {}),
    });
    for (const g of grants) this.grant(token, [g.access], g.databaseId);
    return token;
  }

  /** Every service token, deleted ones included, in creation order. */
  allServiceTokens(): readonly ServiceToken[] {
    return this.#serviceTokens;
  }

  serviceToken(id: string): ServiceToken | undefined {
    return this.#serviceTokensById.get(id);
  }

  /** The token if it exists in this organization and is not deleted (expired ones count). */
  liveServiceToken(orgName: string, id: string): ServiceToken | undefined {
    const token = this.serviceToken(id);
    return token && token.org === orgName && token.deletedAt === null ? token : undefined;
  }

  isExpired(token: ServiceToken): boolean {
    return token.expiresAt !== null && token.expiresAt.getTime() <= this.#nowMs;
  }

  deleteServiceToken(token: ServiceToken): void {
    token.deletedAt = this.now();
  }

  // --- OAuth tokens --------------------------------------------------------------------------

  addOAuthToken(orgName: string, accesses: SeedAccesses): string {
    const grants = this.#resolveSeed(orgName, accesses);
    // No fixed prefix, so that "oauth:<first 6 chars>" tells tokens apart in recorded requests.
    const token = randomBytes(32).toString('base64url');
    const oauth: OAuthToken = {
      token,
      org: orgName,
      accesses: [],
      user: { id: this.newId(), displayName: `OAuth user ${token.slice(0, 6)}`, type: 'User' },
    };
    for (const g of grants) this.#addGrant(oauth.accesses, g.access, g.databaseId);
    this.#oauthTokens.set(token, oauth);
    return token;
  }

  oauthToken(token: string): OAuthToken | undefined {
    return this.#oauthTokens.get(token);
  }

  // --- accesses ------------------------------------------------------------------------------

  holds(accesses: readonly AccessGrant[], access: string, databaseId: string | null): boolean {
    return accesses.some((g) => g.access === access && g.databaseId === databaseId);
  }

  /**
   * Gives `token` each named access on one resource. Idempotent: an access it already holds
   * is kept as it is. Returns the grant for every name asked for, in the order asked.
   */
  grant(token: ServiceToken, names: readonly string[], databaseId: string | null): AccessGrant[] {
    const result = names.map((name) => this.#addGrant(token.accesses, name, databaseId));
    token.updatedAt = this.now();
    return result;
  }

  /** Takes the named accesses away; names it does not hold are ignored. */
  revoke(token: ServiceToken, names: readonly string[], databaseId: string | null): void {
    // In place, so that a Principal holding this array sees the change.
    for (let i = token.accesses.length - 1; i >= 0; i--) {
      const g = token.accesses[i];
      if (g && g.databaseId === databaseId && names.includes(g.access)) token.accesses.splice(i, 1);
    }
    token.updatedAt = this.now();
  }

  /** The `/grants` id for the token's accesses on one resource. */
  grantId(token: ServiceToken, databaseId: string | null): string {
    const key = grantKey(databaseId);
    let id = token.grantIds.get(key);
    if (!id) {
      id = this.newId();
      token.grantIds.set(key, id);
    }
    return id;
  }

  #addGrant(accesses: AccessGrant[], access: string, databaseId: string | null): AccessGrant {
    const existing = accesses.find((g) => g.access === access && g.databaseId === databaseId);
    if (existing) return existing;
    const grant: AccessGrant = { id: this.newId(), access, databaseId, createdAt: this.now() };
    accesses.push(grant);
    return grant;
  }

  #resolveSeed(orgName: string, seed: SeedAccesses): { access: string; databaseId: string | null }[] {
    if (!this.organization(orgName)) throw new Error(`unknown organization ${orgName}`);
    const out: { access: string; databaseId: string | null }[] = [];
    const check = (level: AccessLevel, name: string, where: string): void => {
      if (!isKnownAccess(level, name)) throw new Error(`unknown ${level}-level access ${name} (${where})`);
    };
    for (const name of seed.organization ?? []) {
      check('organization', name, `organization ${orgName}`);
      out.push({ access: name, databaseId: null });
    }
    for (const [dbName, names] of Object.entries(seed.databases ?? {})) {
      const db = this.database(orgName, dbName);
      if (!db) throw new Error(`unknown database ${orgName}/${dbName}; call addDatabase() first`);
      for (const name of names) {
        check('database', name, `database ${dbName}`);
        out.push({ access: name, databaseId: db.id });
      }
    }
    return out;
  }

  // --- views for tests ---------------------------------------------------------------------

  view(token: ServiceToken): FakeTokenView {
    const databases: Record<string, string[]> = {};
    const organization: string[] = [];
    for (const g of token.accesses) {
      if (g.databaseId === null) {
        organization.push(g.access);
      } else {
        // A database is never removed from the fake, so the lookup cannot fail; the fallback
        // keeps the view honest if that ever changes.
        const dbName = this.databaseById(g.databaseId)?.name ?? g.databaseId;
        (databases[dbName] ??= []).push(g.access);
      }
    }
    const view: FakeTokenView = {
      id: token.id,
      name: token.name,
      org: token.org,
      createdAt: new Date(token.createdAt),
      expiresAt: token.expiresAt && new Date(token.expiresAt),
      deleted: token.deletedAt !== null,
      accesses: { organization, databases },
    };
    if (token.createdBy !== undefined) view.createdBy = token.createdBy;
    return view;
  }
}

function grantKey(databaseId: string | null): string {
  return databaseId ?? 'organization';
}
