// Authentication (https://api-docs.planetscale.com/reference/service-tokens):
//   service token:      Authorization: <ID>:<TOKEN>      (no scheme)
//   OAuth access token: Authorization: Bearer <token>
// Anything else, or a credential that is unknown, deleted or expired by the fake's clock,
// is 401 unauthorized.

import { timingSafeEqual } from 'node:crypto';
import { unauthorized } from './errors.ts';
import type { FakeState, Principal } from './state.ts';

/** How recorded requests name an OAuth credential without storing it. */
export function oauthCredentialId(token: string): string {
  return `oauth:${token.slice(0, 6)}`;
}

export function authenticate(state: FakeState, header: string | undefined): Principal {
  if (header === undefined || header.trim() === '') throw unauthorized('Missing Authorization header');

  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) {
    const oauth = state.oauthToken(bearer[1] ?? '');
    if (!oauth) throw unauthorized('The access token is invalid');
    return { credentialId: oauthCredentialId(oauth.token), org: oauth.org, accesses: oauth.accesses, actor: oauth.user };
  }

  const pair = /^([^\s:]+):(\S+)$/.exec(header.trim());
  if (!pair) throw unauthorized('Malformed Authorization header: expected <SERVICE_TOKEN_ID>:<SERVICE_TOKEN> or Bearer <token>');
  const token = state.serviceToken(pair[1] ?? '');
  if (!token || !sameSecret(token.secret, pair[2] ?? '')) throw unauthorized('The service token is invalid');
  if (token.deletedAt !== null) throw unauthorized('The service token has been deleted');
  if (state.isExpired(token)) throw unauthorized('The service token has expired');

  token.lastUsedAt = state.now();
  return {
    credentialId: token.id,
    org: token.org,
    accesses: token.accesses,
    actor: { id: token.id, displayName: token.name ?? token.id, type: 'ServiceToken' },
    serviceToken: token,
  };
}

/** Constant-time comparison, as a real server would do it. */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
