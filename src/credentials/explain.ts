// Turning a failed credential call into a message that says what happened and what to do, as
// report/explain.ts does for the token's calls. The accesses named are those the vendored spec
// lists for each operation (any one suffices).

import { PlanetScaleApiError, PlanetScaleNetworkError } from '../planetscale/errors.js';
import { credentialWhat, type BranchRef, type CredentialKind } from '../planetscale/database-credentials.js';
import { errorMessage, show } from '../report/text.js';

export type CredentialVerb = 'read' | 'create' | 'delete' | 'list the credentials of' | 'read the default role of' | 'read the kind of';

/** The access the minting token needs for `verb` on a credential of `kind`, in the spec's words. */
export function neededAccess(verb: CredentialVerb, kind: CredentialKind | undefined): string {
  switch (verb) {
    case 'create':
      return kind === 'role'
        ? 'create_branch_password (create_production_branch_password on a production branch)'
        : 'connect_branch (connect_production_branch on a production branch)';
    case 'delete':
      return 'delete_branch_password (delete_production_branch_password on a production branch)';
    case 'read the kind of':
      return 'any database access, e.g. read_branch or connect_branch';
    case 'read':
    case 'list the credentials of':
    case 'read the default role of':
      return 'read_branch or connect_branch';
  }
}

const GERUND: Record<CredentialVerb, string> = {
  read: 'reading',
  create: 'creating',
  delete: 'deleting',
  'list the credentials of': 'listing the credentials of',
  'read the default role of': 'reading the default role of',
  'read the kind of': 'reading',
};

export function explainCredential(error: unknown, verb: CredentialVerb, ref: BranchRef & { kind?: CredentialKind }): string {
  const thing =
    verb === 'read the kind of'
      ? `database ${show(ref.database)}`
      : verb === 'list the credentials of' || verb === 'read the default role of'
        ? `branch ${show(ref.branch)} of database ${show(ref.database)}`
        : `the ${ref.kind ? credentialWhat(ref.kind) : 'credential'} on branch ${show(ref.branch)} of database ${show(ref.database)}`;
  const doing = `${GERUND[verb]} ${thing}`;
  if (error instanceof PlanetScaleApiError) {
    const status = `HTTP ${error.status}${error.code ? `, code ${show(error.code)}` : ''}`;
    const detail = error.apiMessage ? ` PlanetScale says: ${show(error.apiMessage, Infinity)}.` : '';
    if (error.status === 401) {
      return `PlanetScale rejected the minting token (${status}) while ${doing}: the service token ID/secret or api-token is wrong, expired or deleted.`;
    }
    if (error.status === 403 || error.status === 404) {
      return (
        `PlanetScale refused ${doing} (${status}): the database or branch does not exist, or the minting token lacks ` +
        `${neededAccess(verb, ref.kind)} on database ${show(ref.database)} (PlanetScale answers 404 for a missing permission).${detail}`
      );
    }
    if (error.status === 422) return `PlanetScale refused ${doing} as invalid (${status}).${detail}`;
    return `PlanetScale failed ${doing} (${status}${error.attempts > 1 ? `, after ${error.attempts} attempts` : ''}).${detail}`;
  }
  if (error instanceof PlanetScaleNetworkError) {
    return `Could not reach PlanetScale at ${error.url} while ${doing}${error.attempts > 1 ? `, after ${error.attempts} attempts` : ''}: ${error.reason}.`;
  }
  return `Failed ${doing}: ${errorMessage(error)}.`;
}
