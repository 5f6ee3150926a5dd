// The GITHUB_STATE keys main writes for post. Apart from state.ts (which seals the minting
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
  /** The minting credential, sealed; see sealCredential in state.ts. */
  sealedCredential: 'minting-credential',
  /** "true" once main knows no token of its is alive: it deleted it, or the create call surely failed. */
  settled: 'settled',
} as const;
