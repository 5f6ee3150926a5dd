// JSON shapes of the fake's responses. Field sets follow the openapi spec's response schemas
// (every `required` field is present; the conformance tests check that), plus the `type`
// fields PlanetScale's client fixtures carry. Values that the fake does not model are fixed,
// plausible constants.

import { accessDescription } from './accesses.ts';
import type {
  AccessGrant,
  Actor,
  Branch,
  Credential,
  Database,
  DeployRequest,
  DeployRequestReview,
  FakeState,
  Organization,
  ServiceToken,
} from './state.ts';

/** What a shape needs besides the object itself: the model, and the URL the fake serves on. */
export interface ResponseContext {
  state: FakeState;
  baseUrl: string;
}

type Json = Record<string, unknown>;

const AVATAR_URL = 'https://app.planetscale.com/gravatar-fallback.png';

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function errorJson(code: string, message: string): Json {
  return { code, message };
}

// --- organizations --------------------------------------------------------------------------

export function organizationJson(org: Organization): Json {
  return {
    id: org.id,
    type: 'Organization',
    name: org.name,
    billing_email: `billing@${org.name}.example`,
    created_at: iso(org.createdAt),
    updated_at: iso(org.createdAt),
    plan: 'scaler_pro',
    valid_billing_info: true,
    sso: false,
    sso_directory: false,
    single_tenancy: false,
    managed_tenancy: false,
    has_past_due_invoices: false,
    database_count: org.databases.size,
    sso_portal_url: null,
    features: {},
    idp_managed_roles: false,
    invoice_budget_amount: '0',
    keyspace_shard_limit: 32,
    has_card: true,
    payment_info_required: false,
  };
}

// --- service tokens -------------------------------------------------------------------------

interface ResourceRef {
  id: string;
  type: 'Organization' | 'Database';
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The organization or database an access applies to. */
function resourceOf(ctx: ResponseContext, orgName: string, databaseId: string | null): ResourceRef {
  if (databaseId !== null) {
    const db = ctx.state.databaseById(databaseId);
    if (!db) throw new Error(`access refers to unknown database ${databaseId}`);
    return { id: db.id, type: 'Database', name: db.name, createdAt: db.createdAt, updatedAt: db.updatedAt };
  }
  const org = ctx.state.organization(orgName);
  if (!org) throw new Error(`access refers to unknown organization ${orgName}`);
  return { id: org.id, type: 'Organization', name: org.name, createdAt: org.createdAt, updatedAt: org.createdAt };
}

/** An element of `service_token_accesses` in the spec's token object. */
function serviceTokenAccessJson(ctx: ResponseContext, token: ServiceToken, grant: AccessGrant): Json {
  const resource = resourceOf(ctx, token.org, grant.databaseId);
  return {
    id: grant.id,
    access: grant.access,
    description: accessDescription(grant.access),
    resource_name: resource.name,
    resource_id: resource.id,
    resource_type: resource.type,
    resource: {
      id: resource.id,
      name: resource.name,
      created_at: iso(resource.createdAt),
      updated_at: iso(resource.updatedAt),
      deleted_at: null,
    },
  };
}

/**
 * The token object. The plaintext secret is only ever returned by create; everywhere else
 * `token` is null, as the spec says ("Available only after create").
 */
export function serviceTokenJson(ctx: ResponseContext, token: ServiceToken, options: { withSecret: boolean }): Json {
  return {
    id: token.id,
    type: 'ServiceToken',
    name: token.name,
    display_name: token.name ?? token.id,
    token: options.withSecret ? token.secret : null,
    plain_text_refresh_token: null,
    avatar_url: AVATAR_URL,
    created_at: iso(token.createdAt),
    updated_at: iso(token.updatedAt),
    expires_at: iso(token.expiresAt),
    last_used_at: iso(token.lastUsedAt),
    actor_id: token.actor?.id ?? null,
    actor_display_name: token.actor?.displayName ?? null,
    actor_type: token.actor?.type ?? null,
    service_token_accesses: token.accesses.map((g) => serviceTokenAccessJson(ctx, token, g)),
    oauth_accesses_by_resource: null,
  };
}

/** An access record as the (spec-less) `/access` endpoints return it (PlanetScale's Go client and pscale). */
export function accessRecordJson(ctx: ResponseContext, token: ServiceToken, grant: AccessGrant): Json {
  const resource = resourceOf(ctx, token.org, grant.databaseId);
  return {
    id: grant.id,
    // Undocumented: the record type for organization-level records is UNVERIFIED; the fake uses the
    // one type seen in public material for both.
    type: 'DatabaseAccess',
    access: grant.access,
    resource: {
      id: resource.id,
      type: resource.type,
      name: resource.name,
      created_at: iso(resource.createdAt),
      updated_at: iso(resource.updatedAt),
    },
  };
}

/** The token's accesses grouped per resource, as the (spec-less) `/grants` endpoint returns. */
export function grantsJson(ctx: ResponseContext, token: ServiceToken): Json[] {
  const byResource = new Map<string | null, AccessGrant[]>();
  for (const g of token.accesses) {
    const list = byResource.get(g.databaseId) ?? [];
    list.push(g);
    byResource.set(g.databaseId, list);
  }
  return [...byResource].map(([databaseId, grants]) => {
    const resource = resourceOf(ctx, token.org, databaseId);
    return {
      id: ctx.state.grantId(token, databaseId),
      type: 'ServiceTokenGrant',
      resource_name: resource.name,
      resource_type: resource.type,
      resource_id: resource.id,
      accesses: grants.map((g) => ({ access: g.access, description: accessDescription(g.access) })),
    };
  });
}

// --- databases and branches -----------------------------------------------------------------

const REGION: Json = {
  id: 'pscaleregion',
  type: 'Region',
  provider: 'AWS',
  enabled: true,
  public_ip_addresses: [],
  display_name: 'AWS us-east-1',
  location: 'Northern Virginia',
  slug: 'us-east',
  current_default: true,
  mysql_supported: true,
  postgresql_supported: true,
};

function actorJson(actor: Actor | null): Json | null {
  return actor && { id: actor.id, type: actor.type, display_name: actor.displayName, avatar_url: AVATAR_URL };
}

function databasePath(db: Database): string {
  return `/v1/organizations/${encodeURIComponent(db.org)}/databases/${encodeURIComponent(db.name)}`;
}

export function databaseJson(ctx: ResponseContext, db: Database): Json {
  const production = db.branches.filter((b) => b.production).length;
  return {
    id: db.id,
    type: 'Database',
    url: `${ctx.baseUrl}${databasePath(db)}`,
    branches_url: `${ctx.baseUrl}${databasePath(db)}/branches`,
    branches_count: db.branches.length,
    open_schema_recommendations_count: 0,
    development_branches_count: db.branches.length - production,
    production_branches_count: production,
    issues_count: 0,
    multiple_admins_required_for_deletion: false,
    ready: true,
    at_backup_restore_branches_limit: false,
    at_development_branch_usage_limit: false,
    data_import: null,
    region: REGION,
    html_url: `https://app.planetscale.com/${encodeURIComponent(db.org)}/${encodeURIComponent(db.name)}`,
    name: db.name,
    state: 'ready',
    sharded: false,
    default_branch_shard_count: 1,
    default_branch_read_only_regions_count: 0,
    default_branch_table_count: 0,
    default_branch: 'main',
    require_approval_for_deploy: db.requireApprovalForDeploy,
    deletion_protected: false,
    resizing: false,
    resize_queued: false,
    config_changing: false,
    config_change_queued: false,
    allow_data_branching: false,
    foreign_keys_enabled: true,
    automatic_migrations: null,
    restrict_branch_region: false,
    insights_raw_queries: false,
    plan: 'scaler_pro',
    insights_enabled: true,
    production_branch_web_console: false,
    migration_table_name: null,
    migration_framework: null,
    created_at: iso(db.createdAt),
    updated_at: iso(db.updatedAt),
    schema_last_updated_at: null,
    kind: db.kind,
  };
}

export function branchJson(ctx: ResponseContext, db: Database, branch: Branch): Json {
  return {
    id: branch.id,
    type: 'Branch',
    name: branch.name,
    created_at: iso(branch.createdAt),
    updated_at: iso(branch.updatedAt),
    deleted_at: null,
    restore_checklist_completed_at: null,
    schema_last_updated_at: null,
    kind: db.kind,
    mysql_address: 'aws.connect.psdb.cloud',
    mysql_edge_address: 'aws.connect.psdb.cloud',
    // The fake has no provisioning delay: a new branch is ready at once, so that later
    // endpoints (deploy requests) need no polling in tests.
    state: 'ready',
    direct_vtgate: false,
    vtgate_size: 'vtg.c1',
    vtgate_name: null,
    vtgate_count: 1,
    vtgate_autoscaling: false,
    vtgate_max_count: null,
    vtgate_target_cpu_utilization: null,
    cluster_name: 'PS_10',
    cluster_iops: null,
    ready: true,
    schema_ready: true,
    metal: false,
    production: branch.production,
    safe_migrations: false,
    deletion_protected: false,
    sharded: false,
    shard_count: 1,
    keyspace_count: 1,
    stale_schema: false,
    actor: actorJson(branch.actor),
    restored_from_branch: null,
    private_edge_connectivity: false,
    has_replicas: false,
    has_read_only_replicas: false,
    html_url: `https://app.planetscale.com/${encodeURIComponent(db.org)}/${encodeURIComponent(db.name)}/${encodeURIComponent(branch.name)}`,
    url: `${ctx.baseUrl}${databasePath(db)}/branches/${encodeURIComponent(branch.name)}`,
    region: REGION,
    parent_branch: branch.parentBranch,
    vtgate_options: {},
  };
}

// --- deploy requests ------------------------------------------------------------------------

/** The spec's actor object on deploy requests and reviews: id, display_name, avatar_url. */
function actorRefJson(actor: Actor): Json {
  return { id: actor.id, display_name: actor.displayName, avatar_url: AVATAR_URL };
}

/** `state`: the deployment state to show; the create's answer shows pending (routes/deploy-requests.ts). */
export function deployRequestJson(
  ctx: ResponseContext,
  db: Database,
  dr: DeployRequest,
  state: DeployRequest['deploymentState'] | 'pending' = dr.deploymentState,
): Json {
  const created = iso(dr.createdAt);
  const updated = iso(dr.updatedAt);
  const deployed = iso(dr.deployedAt);
  return {
    id: dr.id,
    type: 'DeployRequest',
    number: dr.number,
    actor: actorRefJson(dr.actor),
    closed_by: dr.closedBy && actorRefJson(dr.closedBy),
    branch: dr.branch,
    branch_id: dr.branchId,
    branch_deleted: dr.branchDeletedAt !== null,
    branch_deleted_by: dr.branchDeletedBy && actorRefJson(dr.branchDeletedBy),
    branch_deleted_at: iso(dr.branchDeletedAt),
    into_branch: dr.intoBranch,
    into_branch_sharded: false,
    into_branch_shard_count: 1,
    into_branch_keyspace_count: 1,
    approved: dr.approved,
    state: dr.state,
    deployment_state: state,
    deployment: {
      id: dr.deploymentId,
      auto_cutover: false,
      auto_delete_branch: false,
      created_at: created,
      cutover_at: deployed,
      cutover_expiring: false,
      deploy_check_errors: null,
      finished_at: deployed,
      force_cutover_requested_at: null,
      queued_at: deployed,
      ready_to_cutover_at: null,
      started_at: deployed,
      state,
      submitted_at: deployed,
      updated_at: updated,
      into_branch: dr.intoBranch,
      deploy_request_number: dr.number,
      deployable: dr.state === 'open' && state === 'ready' && (dr.approved || !db.requireApprovalForDeploy),
      preceding_deployments: [],
      deploy_operations: [],
      deploy_operation_summaries: [],
      lint_errors: [],
      sequential_diff_dependencies: [],
      lookup_vindex_operations: [],
      deployment_revert_request: null,
      actor: actorRefJson(dr.actor),
      cutover_actor: null,
      cancelled_actor: null,
      schema_last_updated_at: null,
      table_locked: false,
      locked_table_name: null,
      instant_ddl: false,
      instant_ddl_eligible: false,
      queue_paused: false,
      queue_pause_reason: null,
    },
    num_comments: dr.reviews.filter((r) => r.state === 'commented').length,
    html_url: `https://app.planetscale.com/${encodeURIComponent(db.org)}/${encodeURIComponent(db.name)}/deploy-requests/${dr.number}`,
    url: `${ctx.baseUrl}${databasePath(db)}/deploy-requests/${dr.number}`,
    notes: dr.notes,
    html_body: dr.notes === '' ? '' : `<p>${escapeHtml(dr.notes)}</p>`,
    created_at: created,
    updated_at: updated,
    closed_at: iso(dr.closedAt),
    deployed_at: deployed,
  };
}

export function reviewJson(review: DeployRequestReview): Json {
  const at = iso(review.createdAt);
  return {
    id: review.id,
    type: 'DeployRequestReview',
    body: review.body,
    html_body: review.body === '' ? '' : `<p>${escapeHtml(review.body)}</p>`,
    state: review.state,
    created_at: at,
    updated_at: at,
    actor: actorRefJson(review.actor),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// --- database credentials -------------------------------------------------------------------

/**
 * A branch password (the spec's create_password / get_password answer). `withSecret`: only the
 * create answer carries `plain_text`; reads give an empty one. `accessHost`: host[:port] to connect to.
 */
export function passwordJson(
  db: Database,
  branch: Branch,
  password: Credential,
  accessHost: string,
  options: { withSecret: boolean },
): Json {
  return {
    id: password.id,
    type: 'Password',
    name: password.name,
    role: password.roles[0] ?? 'reader',
    cidrs: password.cidrs,
    created_at: iso(password.createdAt),
    deleted_at: iso(password.deletedAt),
    expires_at: iso(password.expiresAt),
    last_used_at: null,
    expired: false,
    direct_vtgate: false,
    direct_vtgate_addresses: [],
    ttl_seconds: password.ttlSeconds ?? 0,
    access_host_url: accessHost,
    access_host_regional_url: accessHost,
    access_host_regional_urls: [accessHost],
    actor: actorJson(password.actor),
    region: REGION,
    username: password.username,
    plain_text: options.withSecret ? password.secret : '',
    replica: false,
    renewable: false,
    database_branch: {
      name: branch.name,
      id: branch.id,
      production: branch.production,
      mysql_edge_address: accessHost,
      private_edge_connectivity: false,
    },
  };
}

/** A Postgres role (create_role, get_role, get_default_role); `password` only when `withSecret`. */
export function roleJson(db: Database, branch: Branch, role: Credential, accessHost: string, options: { withSecret: boolean }): Json {
  return {
    id: role.id,
    type: 'Role',
    name: role.name,
    access_host_url: accessHost,
    private_access_host_url: accessHost,
    private_connection_service_name: '',
    username: role.username,
    base_username: role.username,
    password: options.withSecret ? role.secret : '',
    database_name: db.name,
    created_at: iso(role.createdAt),
    updated_at: iso(role.createdAt),
    deleted_at: iso(role.deletedAt),
    expires_at: iso(role.expiresAt),
    dropped_at: iso(role.deletedAt),
    disabled_at: null,
    drop_failed: '',
    ready: true,
    expired: false,
    default: role.isDefault,
    ttl: role.ttlSeconds ?? 0,
    inherited_roles: role.roles,
    with_replication: false,
    branch: {
      id: branch.id,
      name: branch.name,
      created_at: iso(branch.createdAt),
      updated_at: iso(branch.updatedAt),
      deleted_at: null,
    },
    actor: actorJson(role.actor),
    query_safety_settings: { require_where_on_delete: 'off', require_where_on_update: 'off' },
  };
}
