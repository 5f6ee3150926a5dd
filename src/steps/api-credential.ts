// The minting token as the API client takes it: without where it was read from.

import type { MintingCredential } from '../inputs/minting-credential.js';
import type { Credential } from '../planetscale/client.js';

export function apiCredential(credential: MintingCredential): Credential {
  return credential.kind === 'api-token'
    ? { kind: 'api-token', token: credential.token }
    : { kind: 'service-token', id: credential.id, token: credential.token };
}
