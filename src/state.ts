// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const STATE = {
  /** The full name of the token main is creating (written before the create call). */
  name: 'token-name',
  /** The minted token's ID (written as soon as the create call answers). */
  id: 'token-id',
  expiresAt: 'expires-at',
  org: 'org',
  apiUrl: 'api-url',
  cleanup: 'cleanup',
  /** Where the minting credential came from: "input", "env" or "api-token". */
  credentialSource: 'credential-source',
  /** The env minting credential, sealed; see sealCredential. */
  sealedCredential: 'minting-credential',
  /** "true" once main itself deleted the token (after a failure). */
  deleted: 'deleted',
} as const;

export interface ServiceTokenPair {
  id: string;
  token: string;
}

// When the minting credential came from env PLANETSCALE_SERVICE_TOKEN(_ID) and export-env is on,
// main replaces those variables with the minted token for every later step, post included. Post
// must still delete with the minting credential, so main keeps it in state, sealed (AES-256-GCM)
// under a key derived from the minted secret: post finds that secret in the very variable that
// was overwritten, and the state file alone reveals nothing.

function keyFrom(mintedSecret: string): Buffer {
  return createHash('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}

export function sealCredential(pair: ServiceTokenPair, mintedSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(mintedSecret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The sealed pair, or undefined when the key is wrong or the value was tampered with. */
export function openCredential(sealed: string, mintedSecret: string): ServiceTokenPair | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const pair = JSON.parse(plain) as Partial<ServiceTokenPair>;
    return typeof pair.id === 'string' && typeof pair.token === 'string' ? { id: pair.id, token: pair.token } : undefined;
  } catch {
    return undefined;
  }
}
