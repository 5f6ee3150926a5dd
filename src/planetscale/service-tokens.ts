// The service-token endpoints (https://api-docs.planetscale.com/reference/service-tokens). Responses are checked for the fields
// this action relies on, and only those: the rest of PlanetScale's objects may change freely.

import { MIN_CALL_MS, organizationPath, type PlanetScaleClient, type SendOptions } from './client.js';
import { PlanetScaleApiError, PlanetScaleResponseError } from './errors.js';

export interface CreatedServiceToken {
  id: string;
  name: string | null;
  /** The plaintext secret; PlanetScale shows it only in the create response. */
  token: string;
  expiresAt: string | null;
}

/** One access the token holds on one resource, as PlanetScale reports it. */
export interface GrantedAccess {
  access: string;
  resourceType: string;
  resourceName: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export async function createServiceToken(
  client: PlanetScaleClient,
  org: string,
  request: { name: string; ttlSeconds: number },
  options: SendOptions = {},
): Promise<CreatedServiceToken> {
  const { body } = await client.send<unknown>(
    'POST',
    organizationPath(org, 'service-tokens'),
    { name: request.name, ttl: request.ttlSeconds },
    { minTimeMs: MIN_CALL_MS, ...options },
  );
  const id = isObject(body) && typeof body['id'] === 'string' && body['id'] ? body['id'] : undefined;
  if (!id || !isObject(body) || typeof body['token'] !== 'string' || !body['token']) {
    throw new PlanetScaleResponseError('PlanetScale answered the create call without a token id and secret', id);
  }
  return {
    id,
    token: body['token'],
    name: typeof body['name'] === 'string' ? body['name'] : null,
    expiresAt: typeof body['expires_at'] === 'string' ? body['expires_at'] : null,
  };
}

/**
 * Grants `accesses` on `database`, or on the organization when `database` is "" (as pscale
 * sends it). Returns the access records PlanetScale answers with.
 */
export async function grantAccesses(
  client: PlanetScaleClient,
  org: string,
  tokenId: string,
  database: string,
  accesses: string[],
): Promise<GrantedAccess[]> {
  const { body } = await client.send<unknown>('POST', organizationPath(org, 'service-tokens', tokenId, 'access'), {
    database,
    access: accesses,
  });
  return accessRecords(body);
}

/** Access records from a list envelope (or a bare array, to be tolerant: the shape is unverified). */
function accessRecords(body: unknown): GrantedAccess[] {
  const data = Array.isArray(body) ? body : isObject(body) && Array.isArray(body['data']) ? body['data'] : undefined;
  if (!data) throw new PlanetScaleResponseError('PlanetScale answered the grant call without a list of access records');
  return data.flatMap((record): GrantedAccess[] => {
    if (!isObject(record) || typeof record['access'] !== 'string' || !isObject(record['resource'])) return [];
    const resource = record['resource'];
    return [
      {
        access: record['access'],
        resourceType: typeof resource['type'] === 'string' ? resource['type'] : '',
        resourceName: typeof resource['name'] === 'string' ? resource['name'] : '',
      },
    ];
  });
}

/** Deletes a token; resolves to "not-found" on 404, which can also mean a missing permission. */
export async function deleteServiceToken(client: PlanetScaleClient, org: string, id: string): Promise<'deleted' | 'not-found'> {
  try {
    await client.send('DELETE', organizationPath(org, 'service-tokens', id));
    return 'deleted';
  } catch (error) {
    if (error instanceof PlanetScaleApiError && error.status === 404) return 'not-found';
    throw error;
  }
}

/** Whether the token can still be read: true (exists), false (404). */
export async function serviceTokenExists(client: PlanetScaleClient, org: string, id: string): Promise<boolean> {
  try {
    await client.send('GET', organizationPath(org, 'service-tokens', id));
    return true;
  } catch (error) {
    if (error instanceof PlanetScaleApiError && error.status === 404) return false;
    throw error;
  }
}

/** A token as the list call shows it: only what finding and sweeping need. */
export interface ListedServiceToken {
  id: string;
  name: string | null;
  expiresAt: string | null;
}

/** Every service token of the organization, following `next_page` through every page. */
export async function listServiceTokens(client: PlanetScaleClient, org: string): Promise<ListedServiceToken[]> {
  const tokens: ListedServiceToken[] = [];
  // Bounded, so a misbehaving API cannot keep us paging forever (100 pages of 100 tokens).
  for (let page = 1, pages = 0; page && pages < 100; pages++) {
    const { body } = await client.send<unknown>('GET', `${organizationPath(org, 'service-tokens')}?page=${page}&per_page=100`);
    if (!isObject(body) || !Array.isArray(body['data'])) throw new PlanetScaleResponseError('PlanetScale answered the list call without a list of tokens');
    for (const token of body['data']) {
      if (!isObject(token) || typeof token['id'] !== 'string') continue;
      tokens.push({
        id: token['id'],
        name: typeof token['name'] === 'string' ? token['name'] : null,
        expiresAt: typeof token['expires_at'] === 'string' ? token['expires_at'] : null,
      });
    }
    page = typeof body['next_page'] === 'number' && body['next_page'] > page ? body['next_page'] : 0;
  }
  return tokens;
}

/** IDs of the organization's service tokens named `name`. */
export async function findServiceTokensNamed(client: PlanetScaleClient, org: string, name: string): Promise<string[]> {
  return (await listServiceTokens(client, org)).filter((token) => token.name === name).map((token) => token.id);
}
