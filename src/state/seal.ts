// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Credential } from '../planetscale/client.js';

// With export-env on, main replaces env PLANETSCALE_SERVICE_TOKEN(_ID) with the minted token for
// every later step, post included; inputs that read those variables (`${{ env.… }}`) are
// evaluated again for post and change too. When the minting token came from there
// (inputs/minting-credential.ts replacedByExportEnv), post must still delete with it, so main keeps it in state,
// sealed (AES-256-GCM) under a key derived from the minted secret: post finds that secret in
// PLANETSCALE_SERVICE_TOKEN, and the state file alone reveals nothing. The sealed value is masked
// before it is saved: the runner logs saved state with debug on, and anyone with that log and the
// minted secret (which later steps see) could open it.

function keyFrom(mintedSecret: string): Buffer {
  return createHash('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}

export function sealCredential(credential: Credential, mintedSecret: string): string {
  return seal(JSON.stringify(credential), mintedSecret);
}

/** The sealed credential, or undefined when the key is wrong or the value was tampered with. */
export function openCredential(sealed: string, mintedSecret: string): Credential | undefined {
  try {
    const value = JSON.parse(open(sealed, mintedSecret) ?? 'null') as { kind?: unknown; id?: unknown; token?: unknown } | null;
    if (typeof value?.token !== 'string') return undefined;
    if (value.kind === 'api-token') return { kind: 'api-token', token: value.token };
    if (value.kind === 'service-token' && typeof value.id === 'string') return { kind: 'service-token', id: value.id, token: value.token };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Env values main replaced (steps/env-handover.ts), sealed the same way: they may be secrets. */
export function sealEnv(values: Record<string, string>, mintedSecret: string): string {
  return seal(JSON.stringify(values), mintedSecret);
}

export function openEnv(sealed: string, mintedSecret: string): Record<string, string> | undefined {
  try {
    const value = JSON.parse(open(sealed, mintedSecret) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string') ? Object.fromEntries(entries as [string, string][]) : undefined;
  } catch {
    return undefined;
  }
}

function seal(plain: string, mintedSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(mintedSecret), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function open(sealed: string, mintedSecret: string): string | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    // A full tag only: Node accepts a truncated GCM tag (down to 4 bytes) unless told its length.
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
