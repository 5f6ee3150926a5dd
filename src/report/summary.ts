// The job summary: what was minted, for how long, with which accesses. Never the secret or the ID.

import type { GrantedResource } from '../token/grants.js';

/** Markdown table cell text: pipes and backticks would break the table. */
function cell(text: string): string {
  return text.replace(/[|`\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/**
 * One table, one row per resource: token name and expiry repeat on every row so that each row
 * reads on its own (a job with several uses of the action, or a matrix, shows several tables).
 */
export function mintSummary(options: {
  name: string;
  org: string;
  expiresAt: string;
  granted: readonly GrantedResource[];
  cleanup: boolean;
  /** The workflow run's page (runner/run-context.ts); '' when unknown. */
  runUrl?: string;
}): string {
  const token = `\`${cell(options.name)}\``;
  const expires = cell(options.expiresAt);
  const rows = options.granted.map(
    (g) =>
      `| ${token} | ${expires} | ${cell(g.resource_name)} | ${cell(g.resource_type)} | ${g.accesses.map((a) => `\`${cell(a)}\``).join(', ')} |`,
  );
  const fate = options.cleanup
    ? "It is deleted by this action's post step when the job ends."
    : 'cleanup is false: it stays valid until it expires.';
  const minted = options.runUrl ? ` Minted by [this workflow run](<${options.runUrl.replace(/[<>]/g, encodeURIComponent)}>).` : '';
  return [
    `### PlanetScale service token (organization ${cell(options.org)})`,
    '',
    '| Token | Expires | Resource | Type | Accesses |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    fate + minted,
    '',
  ].join('\n');
}

/** The database credential's part: what, where, which roles, until when. Never its user name, host or password. */
export function credentialSummary(options: {
  what: string;
  database: string;
  branch: string;
  roles: readonly string[];
  expiresAt: string | null;
  cleanup: boolean;
}): string {
  const fate = options.cleanup
    ? "It is deleted by this action's post step when the job ends."
    : 'cleanup is false: it stays valid until it expires.';
  return [
    `### PlanetScale database credential`,
    '',
    '| Credential | Database | Branch | Roles | Expires |',
    '| --- | --- | --- | --- | --- |',
    `| ${cell(options.what)} | ${cell(options.database)} | ${cell(options.branch)} | ${options.roles.map((r) => `\`${cell(r)}\``).join(', ')} | ${cell(options.expiresAt ?? 'at the end of its TTL')} |`,
    '',
    fate,
    '',
  ].join('\n');
}

export function deletedSummary(name: string, outcome: 'deleted' | 'already-gone'): string {
  return outcome === 'deleted'
    ? `Service token \`${cell(name)}\` was deleted by the post step.\n`
    : `Service token \`${cell(name)}\` was already gone when the post step came to delete it: none by its name is listed.\n`;
}

/**
 * Post could not delete the token, or could not confirm it gone: the summary says which, and
 * until when it stays valid.
 */
export function notDeletedSummary(name: string, expiresAt: string, unconfirmed = false): string {
  const what = unconfirmed ? 'could not be confirmed gone by the post step' : 'could not be deleted by the post step';
  return `**Service token \`${cell(name)}\` ${what}**: it stays valid until ${cell(expiresAt)}. See the post step's log.\n`;
}

export function credentialDeletedSummary(what: string, outcome: 'deleted' | 'already-gone'): string {
  return outcome === 'deleted'
    ? `Database credential ${cell(what)} was deleted by the post step.\n`
    : `Database credential ${cell(what)} was already gone when the post step came to delete it: none by its name is listed.\n`;
}

export function credentialNotDeletedSummary(what: string, unconfirmed = false): string {
  return `**Database credential ${cell(what)} ${unconfirmed ? 'could not be confirmed gone' : 'could not be deleted'} by the post step**: it stays valid until its TTL ends. See the post step's log.\n`;
}

/** A warning in the summary, as GitHub renders an alert; one paragraph. */
export function warningSummary(message: string): string {
  return `> [!WARNING]\n> ${cell(message)}\n`;
}
