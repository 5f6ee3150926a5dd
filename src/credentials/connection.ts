// The connection details later steps get for a minted credential: host, port, and one URL that
// the engine's usual clients take as it is, with TLS verification on. Pure.

import type { DatabaseKind } from '../planetscale/database-credentials.js';

/** The engines' standard ports: PlanetScale's `access_host_url` carries none. */
export const STANDARD_PORT: Record<DatabaseKind, number> = { mysql: 3306, postgresql: 5432 };

/**
 * Query strings that turn TLS verification on, host name included. MySQL: Prisma reads
 * `sslaccept=strict` and drops `ssl`; mysql2 reads `ssl` as JSON (it checks the host name only
 * with verifyIdentity) and warns that it ignores `sslaccept`. Postgres: pg and libpq read
 * `sslmode=verify-full`. See docs/database-credentials.md.
 */
const TLS_QUERY: Record<DatabaseKind, string> = {
  mysql: `sslaccept=strict&ssl=${encodeURIComponent('{"rejectUnauthorized":true,"verifyIdentity":true}')}`,
  postgresql: 'sslmode=verify-full',
};

const SCHEME: Record<DatabaseKind, string> = { mysql: 'mysql', postgresql: 'postgresql' };

export interface Connection {
  host: string;
  port: number;
  url: string;
}

// A host name (letters, digits, `-`, `.`), an IPv4 address, or an IPv6 address in brackets;
// then an optional port. Anything else from an answer is refused rather than put in a URL.
const HOST_AND_PORT = /^(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::(?<port>\d{1,5}))?$/;

/** `access_host_url` as host and port; undefined when it is not a host this action will put in a URL. */
export function parseAccessHost(accessHost: string, kind: DatabaseKind): { host: string; port: number } | undefined {
  // A bare IPv6 address (more than one colon, no brackets) carries no port.
  const text = !accessHost.startsWith('[') && (accessHost.match(/:/g) ?? []).length > 1 ? `[${accessHost}]` : accessHost;
  const match = HOST_AND_PORT.exec(text);
  if (!match?.groups) return undefined;
  const port = match.groups['port'] === undefined ? STANDARD_PORT[kind] : Number(match.groups['port']);
  if (port < 1 || port > 65_535) return undefined;
  return { host: match.groups['host']!, port };
}

/** The connection for a credential; undefined when the host is unusable (see parseAccessHost). */
export function connectionFor(
  kind: DatabaseKind,
  credential: { accessHost: string; username: string; password: string; databaseName: string },
): Connection | undefined {
  const at = parseAccessHost(credential.accessHost, kind);
  if (!at) return undefined;
  const userinfo = `${encodeURIComponent(credential.username)}:${encodeURIComponent(credential.password)}`;
  const url = `${SCHEME[kind]}://${userinfo}@${at.host}:${at.port}/${encodeURIComponent(credential.databaseName)}?${TLS_QUERY[kind]}`;
  return { host: at.host, port: at.port, url };
}

/**
 * Every form in which the password can appear in what the action hands over or a client prints:
 * as it is, percent-encoded as the URL has it (and as WHATWG URL would), and the URL itself.
 */
export function secretForms(password: string, url: string): string[] {
  const forms = [
    password,
    encodeURIComponent(password),
    new URL(`x://u:${password.replace(/[@/?#\\]/g, encodeURIComponent)}@h`).password,
    url,
  ];
  return [...new Set(forms.filter(Boolean))];
}
