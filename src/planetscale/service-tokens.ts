// The service-token endpoints (https://api-docs.planetscale.com/reference/service-tokens). Responses are checked for the fields
// this action relies on, and only those: the rest of PlanetScale's objects may change freely.

import { MIN_CALL_MS, organizationPath, type PlanetScaleClient, type SendOptions } from './client.js';
import { PlanetScaleApiError, PlanetScaleResponseError } from './errors.js';
import { isServiceTokenId } from './token-id.js';

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

// ISO 8601 date and time with a zone, as PlanetScale documents `expires_at`. Date.parse alone is
// too lenient (it reads "1" as the year 2001).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An API-supplied date-time as ISO 8601 UTC, or null when it is not one (the caller then has its own). */
export function apiDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export async function createServiceToken(
  client: PlanetScaleClient,
  org: string,
  request: { name: string; ttlSeconds: number },
  options: SendOptions & {
    /** Given any secret the answer carries, before the answer is checked: masked even if the answer is then refused. */
    onSecret?: (secret: string) => void;
  } = {},
): Promise<CreatedServiceToken> {
  const { onSecret, ...sendOptions } = options;
  const { body } = await client.send<unknown>(
    'POST',
    organizationPath(org, 'service-tokens'),
    { name: request.name, ttl: request.ttlSeconds },
    { minTimeMs: MIN_CALL_MS, ...sendOptions },
  );
  // Both hidden from any later error's text at once, whatever their shape.
  for (const key of ['token', 'id']) if (isObject(body) && typeof body[key] === 'string') client.hide(body[key]);
  if (isObject(body) && typeof body['token'] === 'string' && body['token']) onSecret?.(body['token']);
  // An ID of the wrong shape is not used, not even to delete by: the token is found by its name.
  const id = isObject(body) && isServiceTokenId(body['id']) ? body['id'] : undefined;
  if (!id && isObject(body) && typeof body['id'] === 'string' && body['id']) {
    throw new PlanetScaleResponseError('PlanetScale answered the create call with an ID that does not look like a service token ID');
  }
  // Taken for the new token, the minting token's own ID would be granted to and deleted.
  if (id !== undefined && id === client.ownTokenId) {
    throw new PlanetScaleResponseError('PlanetScale answered the create call with the ID of the minting token itself, not of a new token');
  }
  if (!id || !isObject(body) || typeof body['token'] !== 'string' || !body['token']) {
    throw new PlanetScaleResponseError('PlanetScale answered the create call without a token id and secret', id);
  }
  // Post must read it back from env exactly (restore-env, seal): one line of printable ASCII, as
  // every PlanetScale secret is ("pscale_tkn_…").
  if (!/^[\x21-\x7e]+$/.test(body['token'])) {
    throw new PlanetScaleResponseError('PlanetScale answered the create call with a secret that is not one line of printable text', id);
  }
  return {
    id,
    token: body['token'],
    name: typeof body['name'] === 'string' ? body['name'] : null,
    expiresAt: apiDateTime(body['expires_at']),
  };
}

/**
 * The path of a token, or of something under it. The ID must look like one (token-id.ts): it may
 * come from an API answer, and goes into a path sent with the minting token.
 */
function tokenPath(org: string, id: string, ...rest: string[]): string {
  if (!isServiceTokenId(id))
    throw new PlanetScaleResponseError('Refused to use a service token ID that does not look like one in an API path');
  return organizationPath(org, 'service-tokens', id, ...rest);
}

/** Grants and deletes are for minted tokens only: never for the credential that makes the calls. */
function refuseOwnToken(client: PlanetScaleClient, id: string, what: string): void {
  if (id === client.ownTokenId) throw new PlanetScaleResponseError(`Refused to ${what} the minting token itself`);
}

/** A grant's answer: the access records it carries, and whether it said more pages follow. */
export interface GrantAnswer {
  records: GrantedAccess[];
  /** The answer carried `next_page`: the records are one page of the token's accesses. */
  paged: boolean;
}

/**
 * Grants `accesses` on `database`, or on the organization when `database` is "" (as pscale
 * sends it). Returns the access records PlanetScale answers with.
 *
 * `POST /service-tokens/{id}/access` is not in PlanetScale's published spec
 * (https://api.planetscale.com/v1/openapi-spec), which has no call that grants: this is the one
 * pscale and PlanetScale's Go client use.
 */
export async function grantAccesses(
  client: PlanetScaleClient,
  org: string,
  tokenId: string,
  database: string,
  accesses: string[],
): Promise<GrantAnswer> {
  refuseOwnToken(client, tokenId, 'grant accesses to');
  const { body } = await client.send<unknown>('POST', tokenPath(org, tokenId, 'access'), {
    database,
    access: accesses,
  });
  return { records: accessRecords(body, 'grant'), paged: nextPage(body, 1) > 0 };
}

/**
 * Every access the token holds, from the spec's `GET /service-tokens/{id}` (read_service_tokens):
 * the token object's `service_token_accesses`, inline and unpaged, so one call reads them all.
 */
export async function getTokenAccesses(client: PlanetScaleClient, org: string, tokenId: string): Promise<GrantedAccess[]> {
  const { body } = await client.send<unknown>('GET', tokenPath(org, tokenId));
  if (!isObject(body) || !Array.isArray(body['service_token_accesses'])) {
    throw new PlanetScaleResponseError("PlanetScale answered the service token call without a list of the token's accesses");
  }
  // The accesses of another token are not taken for this one's.
  if (body['id'] !== undefined && body['id'] !== tokenId) {
    throw new PlanetScaleResponseError('PlanetScale answered the service token call about another token');
  }
  return accessRecords(body['service_token_accesses'], 'service token');
}

/**
 * Access records from a list envelope (or a bare array, to be tolerant: the shape is unverified).
 * Every record must be read, or the answer is refused: one dropped unread could be an access
 * the job never asked for.
 */
function accessRecords(body: unknown, call: string): GrantedAccess[] {
  const data = Array.isArray(body) ? body : isObject(body) && Array.isArray(body['data']) ? body['data'] : undefined;
  if (!data) throw new PlanetScaleResponseError(`PlanetScale answered the ${call} call without a list of access records`);
  return data.map((record, i) => {
    const read = accessRecord(record);
    if (typeof read === 'string') {
      throw new PlanetScaleResponseError(
        `PlanetScale answered the ${call} call with an access record that cannot be read (record ${i + 1}: ${read}), ` +
          "so the token's accesses cannot be checked",
      );
    }
    return read;
  });
}

/**
 * One access record, in either shape PlanetScale uses: `/access` records name the resource in
 * `resource: {type, name}`; the token object's `service_token_accesses` (the spec's GET
 * /service-tokens/{id}) in `resource_type` and `resource_name`, beside `resource: {id, name}`.
 * Returns why not, when the record cannot be read.
 */
function accessRecord(record: unknown): GrantedAccess | string {
  if (!isObject(record)) return 'not an object';
  const { access, resource } = record;
  if (typeof access !== 'string' || !access) return '`access` is not an access name';
  if (resource !== undefined && resource !== null && !isObject(resource)) return '`resource` is not an object';
  const type = oneName(isObject(resource) ? resource['type'] : undefined, record['resource_type']);
  const name = oneName(isObject(resource) ? resource['name'] : undefined, record['resource_name']);
  if (type === undefined) return 'no resource type, or two that differ';
  if (name === undefined) return 'no resource name, or two that differ';
  return { access, resourceType: type, resourceName: name };
}

/** The one non-empty name two fields give (either may be absent); undefined when none, or they differ. */
function oneName(a: unknown, b: unknown): string | undefined {
  const given = [a, b].filter((v) => v !== undefined && v !== null);
  if (given.length === 0 || !given.every((v) => typeof v === 'string' && v !== '')) return undefined;
  return given.every((v) => v === given[0]) ? (given[0] as string) : undefined;
}

/** Deletes a token; resolves to "not-found" on 404, which can also mean a missing permission. */
export async function deleteServiceToken(client: PlanetScaleClient, org: string, id: string): Promise<'deleted' | 'not-found'> {
  refuseOwnToken(client, id, 'delete');
  try {
    await client.send('DELETE', tokenPath(org, id));
    return 'deleted';
  } catch (error) {
    if (error instanceof PlanetScaleApiError && error.status === 404) return 'not-found';
    throw error;
  }
}

/** Whether the token can still be read: true (exists), false (404). */
export async function serviceTokenExists(client: PlanetScaleClient, org: string, id: string): Promise<boolean> {
  try {
    await client.send('GET', tokenPath(org, id));
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

/** The organization's service tokens, as far as a lookup reads them (see listAll). */
export interface ServiceTokenList {
  tokens: ListedServiceToken[];
  /** Why the list is not whole, when PlanetScale lists more than a lookup reads: nothing can be concluded from an absence. */
  cutShort?: string;
  /** PlanetScale's time when it answered the first page (its Date header), if it said. */
  serverNow?: number;
}

/** The organization's service tokens, following `next_page` for at most MAX_LIST_PAGES pages. */
export async function listServiceTokens(client: PlanetScaleClient, org: string): Promise<ServiceTokenList> {
  const { items, cutShort, serverNow } = await listAll(client, organizationPath(org, 'service-tokens'), 'service tokens');
  const tokens = items.flatMap((token): ListedServiceToken[] =>
    isObject(token) && typeof token['id'] === 'string'
      ? [
          {
            id: token['id'],
            name: typeof token['name'] === 'string' ? token['name'] : null,
            expiresAt: apiDateTime(token['expires_at']),
          },
        ]
      : [],
  );
  return { tokens, ...(cutShort ? { cutShort } : {}), ...(serverNow === undefined ? {} : { serverNow }) };
}

/** The page after `page` that a list envelope names, or 0 when there is none. */
function nextPage(body: unknown, page: number): number {
  return isObject(body) && typeof body['next_page'] === 'number' && body['next_page'] > page ? body['next_page'] : 0;
}

/**
 * The most pages one lookup reads. The list call has no filter and no sort (the spec documents
 * `page` and `per_page` only), so a lookup by name reads the organization's every token; bounded,
 * so that it cannot spend the rate limit the minting token shares with every job using it
 * (600 requests a minute), nor a step's whole time limit, and a misbehaving API cannot keep us
 * paging forever.
 */
export const MAX_LIST_PAGES = 50;
const PER_PAGE = 100;

/** The pages a list envelope says there are: `total_pages`, or worked out from `total_count` and `per_page`; 0 when not said. */
function totalPages(body: Record<string, unknown>): number {
  const { total_pages: pages, total_count: count, per_page: perPage } = body;
  if (typeof pages === 'number') return pages;
  return typeof count === 'number' && typeof perPage === 'number' && perPage > 0 ? Math.ceil(count / perPage) : 0;
}

/**
 * The items of a list endpoint's pages (PlanetScale's list responses), following `next_page`
 * for at most MAX_LIST_PAGES pages. A list with more is cut short, and says so: at once, when
 * the first page's totals show it. What was read is still returned.
 */
async function listAll(
  client: PlanetScaleClient,
  path: string,
  what: string,
): Promise<{ items: unknown[]; cutShort?: string; serverNow?: number }> {
  const items: unknown[] = [];
  let count: unknown;
  let serverNow: number | undefined;
  for (let page = 1, pages = 0; page;) {
    const { body, date } = await client.send<unknown>('GET', `${path}?page=${page}&per_page=${PER_PAGE}`);
    if (pages === 0) serverNow = date;
    if (!isObject(body) || !Array.isArray(body['data']))
      throw new PlanetScaleResponseError(`PlanetScale answered the list call without a list of ${what}`);
    items.push(...(body['data'] as unknown[]));
    pages++;
    page = nextPage(body, page);
    if (pages === 1) count = body['total_count'];
    // A list the first page shows too long is read no further: it could not be read whole.
    if (page && (pages === MAX_LIST_PAGES || (pages === 1 && totalPages(body) > MAX_LIST_PAGES))) {
      return { items, cutShort: cutShortReason(what, count), serverNow };
    }
  }
  return { items, serverNow };
}

function cutShortReason(what: string, count: unknown): string {
  const limit = `the ${(MAX_LIST_PAGES * PER_PAGE).toLocaleString('en-US')} a lookup reads (${MAX_LIST_PAGES} pages of ${PER_PAGE}, to spare the rate limit the minting token shares)`;
  return typeof count === 'number' && count > MAX_LIST_PAGES * PER_PAGE
    ? `PlanetScale lists ${count.toLocaleString('en-US')} ${what}, more than ${limit}`
    : `PlanetScale lists more ${what} than ${limit}`;
}
/** IDs of the organization's service tokens named `name`, among those the list shows (`cutShort`: not all of them). */
export async function findServiceTokensNamed(
  client: PlanetScaleClient,
  org: string,
  name: string,
): Promise<{ ids: string[]; cutShort?: string }> {
  const { tokens, cutShort } = await listServiceTokens(client, org);
  const ids = tokens.filter((token) => token.name === name).map((token) => token.id);
  return cutShort ? { ids, cutShort } : { ids };
}
