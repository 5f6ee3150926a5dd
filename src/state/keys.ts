// The GITHUB_STATE keys main writes for post. Apart from seal.ts (which seals the minting
// credential with node:crypto) so that post can read its state without loading crypto.

export const STATE = {
  /** The full name of the token main is creating (written before the create call). */
  name: 'token-name',
  /** The minted token's ID (written as soon as the create call answers). */
  id: 'token-id',
  expiresAt: 'expires-at',
  org: 'org',
  apiUrl: 'api-url',
  cleanup: 'cleanup',
  /** The minting token, sealed; see sealCredential in seal.ts. */
  sealedCredential: 'minting-credential',
  /** The values of the variables main exported, as they were before, sealed; post puts them back (steps/env-handover.ts). */
  envBefore: 'env-before',
  /** "true" once main knows no token of its is alive: it deleted it, or the create call surely failed. */
  settled: 'settled',
  /** "true" from just before the first create call: only then can a token of ours exist. */
  createAttempted: 'create-attempted',
  /**
   * "true" when a create call may have made a token main never learnt of (an answer lost, a
   * timeout, a cancellation in flight): such a call can still be carried out after main looked,
   * so post looks for tokens with our name again, whatever else happened.
   */
  lookUpByName: 'look-up-by-name',
  /** The proxy variables main ran with (proxy-settings.ts), which post uses; absent when none was set. */
  proxy: 'proxy',
  /** NODE_EXTRA_CA_CERTS as main ran with it: post trusts no other CA (steps/post/trust.ts). */
  extraCaCerts: 'extra-ca-certs',
  /**
   * The database credential main is creating, as JSON (credentials/state.ts): its kind, branch,
   * name and, for a role, the successor. Written before the create call.
   */
  credential: 'credential',
  /** The credential's ID (written as soon as the create call answers). */
  credentialId: 'credential-id',
  /** "true" once main knows no credential of its is alive: it deleted it, or the create surely failed. */
  credentialSettled: 'credential-settled',
  /** The names the sweep deletes when expired (token/sweep-names.ts); absent when sweep-expired is off. */
  sweep: 'sweep',
} as const;
