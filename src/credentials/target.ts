// A minted database credential as main records it for post, and how messages name it. Apart
// from remove.ts so that post can plan from state without loading the API client.

import type { BranchRef, CredentialKind } from '../planetscale/database-credentials.js';
import { show } from '../report/text.js';

export interface CredentialTarget extends BranchRef {
  kind: CredentialKind;
  name: string;
  /** Roles: the role that takes over what the deleted one owns; looked up when main did not learn it. */
  successor?: string;
}

const WHAT: Record<CredentialKind, string> = { password: 'branch password', role: 'role' };

/** `branch password "gha-…-x7k2q9"` and the like, for messages. */
export const describeCredential = (target: Pick<CredentialTarget, 'kind' | 'name'>): string => `${WHAT[target.kind]} ${show(target.name)}`;
