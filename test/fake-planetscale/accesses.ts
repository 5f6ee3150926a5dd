// The fake's own catalogue of service-token access names. It is deliberately an independent
// copy of PlanetScale's documented access names (test/fixtures/planetscale/accesses.json) (not imported from src/), so that a mistake in the
// action's catalogue is caught by the fake refusing the grant instead of being mirrored.

export type AccessLevel = 'organization' | 'database';

/** Organization-level accesses: the 15 documented ones, plus the spec-only `write_organization`. */
export const ORGANIZATION_ACCESSES: readonly string[] = [
  'read_organization',
  'read_invoices',
  'read_audit_logs',
  'read_databases',
  'create_databases',
  'delete_databases',
  'read_oauth_applications',
  'read_oauth_tokens',
  'write_oauth_tokens',
  'delete_oauth_tokens',
  'read_service_tokens',
  'write_service_tokens',
  'delete_service_tokens',
  'write_teams',
  'read_metrics_endpoints',
  // Named only in the spec's per-endpoint lists; PlanetScale's docs place it at organization level.
  'write_organization',
];

/** Database-level accesses: the 24 documented ones, plus the spec-only names (level undocumented). */
export const DATABASE_ACCESSES: readonly string[] = [
  'read_database',
  'write_database',
  'delete_database',
  'create_branch',
  'read_branch',
  'delete_branch',
  'delete_production_branch',
  'connect_branch',
  'connect_production_branch',
  'delete_branch_password',
  'delete_production_branch_password',
  'create_deploy_request',
  'read_deploy_request',
  'approve_deploy_request',
  'create_comment',
  'read_comment',
  'read_backups',
  'write_backups',
  'delete_backups',
  'delete_production_branch_backups',
  'restore_backup',
  'restore_production_branch_backup',
  'write_branch_vschema',
  'write_production_branch_vschema',
  // Named only in the spec's per-endpoint lists; they are treated as database level.
  'connect_production_read_only_branch',
  'create_branch_password',
  'create_production_branch_password',
  'create_production_read_only_branch_password',
  'delete_production_read_only_branch_password',
  'promote_branches',
  'demote_branches',
  'review_deploy_request',
];

export function accessesForLevel(level: AccessLevel): readonly string[] {
  return level === 'organization' ? ORGANIZATION_ACCESSES : DATABASE_ACCESSES;
}

export function isKnownAccess(level: AccessLevel, name: string): boolean {
  return accessesForLevel(level).includes(name);
}

// Descriptions as PlanetScale's service-token docs word them; the spec requires a
// `description` on every access in `service_token_accesses`, so names the docs do not
// describe get a plain generated sentence.
const DESCRIPTIONS: Record<string, string> = {
  read_organization: 'Get information about an organization and its regions',
  read_databases: "Get information about an organization's databases, their deploy requests, promotion requests, and regions",
  create_databases: 'Create organization databases',
  delete_databases: 'Delete organization databases',
  read_oauth_applications: "Get information about an organization's OAuth applications and their tokens",
  write_oauth_tokens: 'Create and refresh OAuth grants and tokens for an OAuth application',
  read_oauth_tokens: 'Get OAuth tokens for an OAuth application',
  delete_oauth_tokens: 'Delete OAuth tokens for an OAuth application',
  read_database: 'Get information about a database',
  write_database: 'Update information about a database',
  delete_database: 'Delete a database',
  create_branch: 'Create a database branch',
  read_branch: 'Read a database branch',
  delete_branch: 'Delete a database branch',
  delete_production_branch: 'Delete a production database branch',
  connect_branch: 'Connect to a database branch',
  connect_production_branch: 'Connect to a production database branch',
  delete_branch_password: 'Delete a password for a non-production branch',
  delete_production_branch_password: 'Delete a password for a production branch',
  create_deploy_request: 'Create a deploy request',
  read_deploy_request: 'Read a deploy request',
  approve_deploy_request: 'Approve a deploy request',
  create_comment: 'Create a deploy request comment',
  read_comment: 'Read a deploy request comment',
  read_backups: 'List backups',
  write_backups: 'Create and update backups',
  delete_backups: 'Delete development branch backups',
  delete_production_branch_backups: 'Delete production branch backups',
  restore_backup: 'Restore a development branch backup',
  restore_production_branch_backup: 'Restore a production branch backup',
};

export function accessDescription(name: string): string {
  return DESCRIPTIONS[name] ?? `Allows ${name.replaceAll('_', ' ')}`;
}
