import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { openCredential, sealCredential } from '../../src/state/seal.ts';

// The options state.ts opens the seal with (node:crypto itself, only watched).
const decipherOptions = vi.hoisted(() => [] as unknown[]);
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof Crypto>();
  const createDecipheriv = (...args: Parameters<typeof crypto.createDecipheriv>) => {
    decipherOptions.push(args[3]);
    return crypto.createDecipheriv(...args);
  };
  return { ...crypto, createDecipheriv };
});

describe('sealed minting token', () => {
  const pair = { kind: 'service-token' as const, id: 'mintid123456', token: 'pscale_tkn_minting_secret' };

  it('opens with the minted secret it was sealed under', () => {
    const sealed = sealCredential(pair, 'pscale_tkn_minted');
    expect(openCredential(sealed, 'pscale_tkn_minted')).toEqual(pair);
  });

  it('reveals nothing of the credential', () => {
    const sealed = sealCredential(pair, 'pscale_tkn_minted');
    expect(sealed).not.toContain('mintid');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('pscale_tkn');
    expect(sealCredential(pair, 'pscale_tkn_minted')).not.toBe(sealed); // fresh IV each time
  });

  it('seals an OAuth api-token too', () => {
    const oauth = { kind: 'api-token' as const, token: 'oauth-secret' };
    expect(openCredential(sealCredential(oauth, 'pscale_tkn_minted'), 'pscale_tkn_minted')).toEqual(oauth);
  });

  it('does not open with another key or when tampered with', () => {
    const sealed = sealCredential(pair, 'pscale_tkn_minted');
    expect(openCredential(sealed, 'pscale_tkn_other')).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(openCredential(bytes.toString('base64url'), 'pscale_tkn_minted')).toBeUndefined();
    expect(openCredential('garbage', 'pscale_tkn_minted')).toBeUndefined();
  });

  it('opens only with a full 16-byte GCM tag: Node otherwise accepts a truncated one', () => {
    decipherOptions.length = 0;
    expect(openCredential(sealCredential(pair, 'pscale_tkn_minted'), 'pscale_tkn_minted')).toEqual(pair);
    expect(decipherOptions).toEqual([{ authTagLength: 16 }]);
  });
});
