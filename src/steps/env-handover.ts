// Two uses of the action in one job. With export-env, a use replaces PLANETSCALE_SERVICE_TOKEN(_ID)
// for every later step, so a later use reading its minting token from env would take the
// token just minted: it is recognised by a marker and refused before any call. Each use's post
// puts back the values the variables had before its main exported them, so that the post of an
// earlier use (posts run last-first) finds its own minted secret there and can open the minting
// credential it sealed.

import { createHash } from 'node:crypto';
import type { MintingCredential } from '../inputs/minting-credential.js';

/** Exported with the minted token: not secret (a truncated hash of its ID), only recognisable. */
export const MINTED_MARKER = 'PLANETSCALE_TOKEN_ACTION_MINTED';

export function mintedMarker(tokenId: string): string {
  return createHash('sha256').update('planetscale-token-action/minted\0').update(tokenId).digest('hex').slice(0, 32);
}

/**
 * Whether env holds what an earlier use of this action in this job exported: the marker is that
 * of the token ID env holds. Then its PLANETSCALE_ORG is that use's organization, which may have
 * come from its org input, so it is no setting of the user's for this use.
 */
export function exportedByEarlierUse(env: NodeJS.ProcessEnv): boolean {
  const id = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
  return Boolean(id) && env[MINTED_MARKER] === mintedMarker(id);
}

/** Why `credential` may not mint, when it is the token an earlier use of this action minted and exported. */
export function mintedByEarlierUse(credential: MintingCredential, env: NodeJS.ProcessEnv): string | undefined {
  const marker = env[MINTED_MARKER] ?? '';
  if (credential.kind !== 'service-token' || !marker || marker !== mintedMarker(credential.id)) return undefined;
  const from =
    credential.source === 'env' ? 'env PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN' : 'minting-token-id / minting-token';
  return (
    `The minting token (${from}) is the token an earlier use of this action in this job minted and exported, ` +
    'not your minting token; it could not delete what it mints. Pass the minting token through inputs, from secrets: ' +
    '`minting-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and `minting-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}` ' +
    '(or set export-env: false on the earlier use). Nothing was minted.'
  );
}

/** The values `names` have now ("" for unset), to be put back by post. */
export function valuesBefore(names: readonly string[], env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, env[name] ?? '']));
}

/**
 * Whether post should put the variables back: only while env still holds what this use
 * exported. Otherwise a step after it set them on purpose, and that is left alone.
 */
export function stillOurs(env: NodeJS.ProcessEnv, mintedId: string): boolean {
  return Boolean(mintedId) && (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim() === mintedId && exportedByEarlierUse(env);
}
