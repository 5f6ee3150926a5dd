// The catalogue of PlanetScale service-token access names, by level, as listed in
// PlanetScale's docs (https://api-docs.planetscale.com/reference/service-tokens#access-permissions,
// vendored in test/fixtures/planetscale/accesses.json). Validation checks every requested access
// against it before any request, so a typo fails in milliseconds with a suggestion instead of
// as an opaque 422/404 after a token was already minted.

import { nearest } from './nearest.js';
import { show } from '../report/text.js';

export type AccessLevel = 'database' | 'organization';

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
  // Named only in the spec's per-endpoint lists, level undocumented: treated as database level.
  'connect_production_read_only_branch',
  'create_branch_password',
  'create_production_branch_password',
  'create_production_read_only_branch_password',
  'delete_production_read_only_branch_password',
  'promote_branches',
  'demote_branches',
  'review_deploy_request',
];

/**
 * Accesses this action never grants: they manage credentials. A job token that can create
 * service or OAuth tokens can make one that outlives every TTL and that no post step deletes;
 * one that can delete them can remove other jobs' tokens, the minting token's included.
 */
export const REFUSED_ACCESSES: ReadonlySet<string> = new Set([
  'write_service_tokens',
  'delete_service_tokens',
  'write_oauth_tokens',
  'delete_oauth_tokens',
]);

const byLevel: Record<AccessLevel, ReadonlySet<string>> = {
  database: new Set(DATABASE_ACCESSES),
  organization: new Set(ORGANIZATION_ACCESSES),
};

export function levelOf(access: string): AccessLevel | undefined {
  if (byLevel.database.has(access)) return 'database';
  if (byLevel.organization.has(access)) return 'organization';
  return undefined;
}

/** An access name's shape: what PlanetScale's names look like, so that one it added since passes. */
const ACCESS_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

/**
 * Why `access` cannot be granted at `level` (a sentence), or undefined when it can. A name in no
 * catalogue and near none of its names (nor of a refused one) may be one PlanetScale added since
 * this release: it goes to PlanetScale, which decides, with a line in `notices`.
 */
export function accessProblem(access: string, level: AccessLevel, notices?: string[]): string | undefined {
  if (REFUSED_ACCESSES.has(access)) {
    return (
      `${show(access)} manages credentials, so this action never grants it: a token that can mint or delete tokens ` +
      'outlives every TTL in effect (it can make a new one, or remove others). Leave it out; a job that truly needs it ' +
      'needs a credential of its own, kept as a secret, not a short-lived token from this action.'
    );
  }
  const actual = levelOf(access);
  if (actual === level) return undefined;
  if (actual === 'organization') {
    return `${show(access)} is an organization-level access: list it in org-accesses, not accesses.`;
  }
  if (actual === 'database') {
    return `${show(access)} is a database-level access: list it in accesses (with database or a "DB:" line), not org-accesses.`;
  }
  const nearest = nearestAccess(access, level);
  const nearAny = nearest ?? nearestAccess(access, level === 'database' ? 'organization' : 'database') ?? nearestRefused(access);
  if (!nearAny && notices && ACCESS_NAME.test(access)) {
    notices.push(
      `${show(access)} is not among the ${level}-level accesses this version of the action knows: it is passed to PlanetScale, which decides. ` +
        'If PlanetScale refuses it, check the name in its documentation.',
    );
    return undefined;
  }
  const hint = nearest ? `; did you mean ${show(nearest)}?` : '.';
  return `${show(access)} is not a PlanetScale ${level}-level access${hint}`;
}

/** The catalogue name closest to `name` at `level` (edit distance), if it is plausibly a typo. */
export function nearestAccess(name: string, level: AccessLevel): string | undefined {
  // A typo is not steered to a refusal.
  return nearest(
    name,
    [...byLevel[level]].filter((candidate) => !REFUSED_ACCESSES.has(candidate)),
  );
}

/** The refused access `name` is a near miss of: such a name is never passed on. */
function nearestRefused(name: string): string | undefined {
  return nearest(name, [...REFUSED_ACCESSES]);
}

/**
 * An access name as PlanetScale spells it (lower case), and a note when the workflow spelt it
 * otherwise (`READ_BRANCH`): such a name is plainly meant, so it is taken, with a notice.
 */
export function normalizeAccess(item: string): { access: string; note?: string } {
  const lower = item.toLowerCase();
  if (lower === item || !levelOf(lower)) return { access: item };
  return { access: lower, note: `${show(item)} taken as ${show(lower)}: PlanetScale's access names are lower case.` };
}
