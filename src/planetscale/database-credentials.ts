// The database and its credentials: get_database (for `kind`), branch passwords on Vitess and
// roles on Postgres (the spec's "Database branch passwords" and "Roles" operations). The two
// credentials are one idea with two spellings, so one module serves both: `SHAPES` holds what
// differs. Answers are checked for the fields this action relies on, and only those.

import { MIN_CALL_MS, organizationPath, type PlanetScaleClient, type SendOptions } from './client.js';
import { PlanetScaleApiError, PlanetScaleResponseError } from './errors.js';
import { apiDateTime } from './service-tokens.js';

export type DatabaseKind = 'mysql' | 'postgresql';
export type CredentialKind = 'password' | 'role';

/** Where a credential lives: a branch of a database. */
export interface BranchRef {
  org: string;
  database: string;
  branch: string;
}

export interface CreatedCredential {
  id: string;
  name: string;
  username: string;
  /** The plaintext password: PlanetScale gives it only in the create answer. */
  password: string;
  /** `access_host_url`: a host name, which may carry a port. */
  accessHost: string;
  /** The database to connect to: the answer's `database_name` (roles), else the PlanetScale database's name. */
  databaseName: string;
  expiresAt: string | null;
}

interface Shape {
  segment: string;
  /** The answer's field that carries the secret. */
  secretField: string;
  what: string;
}

const SHAPES: Record<CredentialKind, Shape> = {
  password: { segment: 'passwords', secretField: 'plain_text', what: 'branch password' },
  role: { segment: 'roles', secretField: 'password', what: 'role' },
};

export const credentialKindOf = (kind: DatabaseKind): CredentialKind => (kind === 'postgresql' ? 'role' : 'password');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** PlanetScale's IDs are short alphanumeric strings: anything else from an answer is not put in a path. */
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

function credentialPath(ref: BranchRef, kind: CredentialKind, ...rest: string[]): string {
  for (const id of rest) {
    if (!CREDENTIAL_ID.test(id))
      throw new PlanetScaleResponseError(`Refused to use a ${SHAPES[kind].what} ID that does not look like one in an API path`);
  }
  return organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, SHAPES[kind].segment, ...rest);
}

/** get_database's `kind`. */
export async function getDatabaseKind(client: PlanetScaleClient, org: string, database: string): Promise<DatabaseKind> {
  const { body } = await client.send<unknown>('GET', organizationPath(org, 'databases', database));
  const kind = isObject(body) ? body['kind'] : undefined;
  if (kind === 'mysql' || kind === 'postgresql') return kind;
  throw new PlanetScaleResponseError(
    `PlanetScale answered the database read without a kind this action knows (${typeof kind === 'string' ? JSON.stringify(kind.slice(0, 40)) : 'none'})`,
  );
}

export interface CredentialSpec {
  name: string;
  ttlSeconds: number;
  /** Vitess: the one role; Postgres: the roles inherited. */
  roles: string[];
  cidrs: string[];
}

/** create_password or create_role. The secret is handed to `onSecret` before the answer is checked. */
export async function createCredential(
  client: PlanetScaleClient,
  ref: BranchRef,
  kind: CredentialKind,
  spec: CredentialSpec,
  options: SendOptions & { onSecret?: (secret: string) => void } = {},
): Promise<CreatedCredential> {
  const { onSecret, ...sendOptions } = options;
  const shape = SHAPES[kind];
  const body =
    kind === 'password'
      ? { name: spec.name, role: spec.roles[0], ttl: spec.ttlSeconds, ...(spec.cidrs.length > 0 ? { cidrs: spec.cidrs } : {}) }
      : { name: spec.name, ttl: spec.ttlSeconds, inherited_roles: spec.roles };
  const answer = (await client.send<unknown>('POST', credentialPath(ref, kind), body, { minTimeMs: MIN_CALL_MS, ...sendOptions })).body;
  const secret = isObject(answer) ? answer[shape.secretField] : undefined;
  if (typeof secret === 'string' && secret) {
    client.hide(secret);
    onSecret?.(secret);
  }
  const field = (key: string) => (isObject(answer) && typeof answer[key] === 'string' ? answer[key] : '');
  const id = field('id');
  if (!CREDENTIAL_ID.test(id)) {
    throw new PlanetScaleResponseError(`PlanetScale answered the ${shape.what} create call without a usable ID`);
  }
  if (typeof secret !== 'string' || !secret || !field('username') || !field('access_host_url')) {
    throw new PlanetScaleResponseError(`PlanetScale answered the ${shape.what} create call without a username, password and host`, id);
  }
  return {
    id,
    name: field('name') || spec.name,
    username: field('username'),
    password: secret,
    accessHost: field('access_host_url'),
    databaseName: field('database_name') || ref.database,
    expiresAt: apiDateTime(isObject(answer) ? answer['expires_at'] : undefined),
  };
}

/**
 * delete_password or delete_role; "not-found" on 404, which can also mean a missing permission.
 * `successor` (roles): the role that takes over what the deleted one owns, so its tables stay.
 */
export async function deleteCredential(
  client: PlanetScaleClient,
  ref: BranchRef,
  kind: CredentialKind,
  id: string,
  successor?: string,
): Promise<'deleted' | 'not-found'> {
  const query = kind === 'role' && successor ? `?successor=${encodeURIComponent(successor)}` : '';
  try {
    await client.send('DELETE', `${credentialPath(ref, kind, id)}${query}`);
    return 'deleted';
  } catch (error) {
    if (error instanceof PlanetScaleApiError && error.status === 404) return 'not-found';
    throw error;
  }
}

/** Whether the credential can still be read: true (exists), false (404). */
export async function credentialExists(client: PlanetScaleClient, ref: BranchRef, kind: CredentialKind, id: string): Promise<boolean> {
  try {
    await client.send('GET', credentialPath(ref, kind, id));
    return true;
  } catch (error) {
    if (error instanceof PlanetScaleApiError && error.status === 404) return false;
    throw error;
  }
}

/** The most credentials a lookup by name reads: the name is unique, so more than one page means something is wrong. */
const PER_PAGE = 100;

/**
 * IDs of the branch's credentials named exactly `name` (list_passwords and list_roles filter
 * by `q`, a search that may match more: the name is compared here). `cutShort` when the answer
 * had more pages than the one read.
 */
export async function findCredentialsNamed(
  client: PlanetScaleClient,
  ref: BranchRef,
  kind: CredentialKind,
  name: string,
): Promise<{ ids: string[]; cutShort?: string }> {
  const { body } = await client.send<unknown>('GET', `${credentialPath(ref, kind)}?q=${encodeURIComponent(name)}&per_page=${PER_PAGE}`);
  if (!isObject(body) || !Array.isArray(body['data'])) {
    throw new PlanetScaleResponseError(`PlanetScale answered the ${SHAPES[kind].what} list call without a list`);
  }
  const ids = (body['data'] as unknown[]).flatMap((item) =>
    isObject(item) && item['name'] === name && typeof item['id'] === 'string' && CREDENTIAL_ID.test(item['id']) ? [item['id']] : [],
  );
  const more = typeof body['next_page'] === 'number' && body['next_page'] > 1;
  return more ? { ids, cutShort: `PlanetScale lists more than ${PER_PAGE} ${SHAPES[kind].what}s matching the name` } : { ids };
}

/**
 * get_default_role's ID: the successor of a deleted role. The answer's schema carries the default
 * role's `password`: should it hold one, it goes to `onSecret` and is hidden at once.
 */
export async function getDefaultRoleId(client: PlanetScaleClient, ref: BranchRef, onSecret?: (secret: string) => void): Promise<string> {
  const { body } = await client.send<unknown>(
    'GET',
    organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, 'roles', 'default'),
  );
  if (isObject(body) && typeof body['password'] === 'string' && body['password']) {
    client.hide(body['password']);
    onSecret?.(body['password']);
  }
  const id = isObject(body) ? body['id'] : undefined;
  if (typeof id !== 'string' || !CREDENTIAL_ID.test(id))
    throw new PlanetScaleResponseError('PlanetScale answered the default role read without a usable ID');
  return id;
}

export const credentialWhat = (kind: CredentialKind): string => SHAPES[kind].what;
