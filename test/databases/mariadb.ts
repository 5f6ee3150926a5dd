// A real MariaDB server for tests, from Debian's mariadb-server package: a private mariadbd on
// 127.0.0.1 with its own data directory, TLS with test/fixtures/tls's certificate. It implements
// the fake's CredentialBackend, so that a branch password the fake mints is a real MySQL user.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { CredentialBackend, Login } from '../fake-planetscale/backends.ts';
import { freePort } from './free-port.ts';

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const SERVER = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd'].find((path) => existsSync(path));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/sbin/mariadb-install-db'].find((path) => existsSync(path));

/** What each PlanetScale password role may do, as MySQL privileges on the database. */
const PRIVILEGES: Record<string, string> = {
  reader: 'SELECT',
  writer: 'INSERT, UPDATE, DELETE',
  readwriter: 'SELECT, INSERT, UPDATE, DELETE',
  admin: 'ALL PRIVILEGES',
};

export const mariaDbInstalled = (): boolean => SERVER !== undefined && INSTALL_DB !== undefined;

/**
 * describe() when mariadbd is installed; otherwise skipped by name, except where
 * REQUIRE_REAL_DATABASES=1 (.ci/run): there a missing server is a failure.
 */
export function describeWithMariaDb(title: string, body: () => void): void {
  if (mariaDbInstalled()) {
    describe(title, body);
  } else if (process.env['REQUIRE_REAL_DATABASES'] === '1') {
    describe(title, () => {
      it('needs mariadbd (Debian package mariadb-server)', () => {
        throw new Error('mariadbd is not installed, and REQUIRE_REAL_DATABASES=1 says these tests must run');
      });
    });
  } else {
    describe.skip(`${title} (mariadbd is not installed)`, body);
  }
}

export interface MariaDbServer extends CredentialBackend {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startMariaDb(): Promise<MariaDbServer> {
  if (!SERVER || !INSTALL_DB) throw new Error('mariadbd is not installed (Debian package mariadb-server)');
  const { default: mysql } = await import('mysql2/promise');
  const dir = mkdtempSync(join(tmpdir(), 'mariadb-'));
  const datadir = join(dir, 'data');
  const root = process.getuid?.() === 0 ? ['--user=root'] : [];
  execFileSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...root],
    {
      stdio: 'ignore',
    },
  );
  const port = await freePort();
  const child = spawn(
    SERVER,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${join(dir, 'sock')}`,
      `--pid-file=${join(dir, 'pid')}`,
      '--bind-address=127.0.0.1',
      `--port=${port}`,
      '--skip-name-resolve',
      `--ssl-cert=${join(TLS_DIR, 'cert.pem')}`,
      `--ssl-key=${join(TLS_DIR, 'key.pem')}`,
      ...root,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const connect = () => mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '' });
  // Ready once it takes a connection; the deadline is generous, for a busy machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await (await connect()).end();
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error('mariadbd did not start', { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const query = async (sql: string, params: unknown[] = []) => {
    const connection = await connect();
    try {
      const [rows] = await connection.query(sql, params);
      return (Array.isArray(rows) ? rows : []) as Record<string, unknown>[];
    } finally {
      await connection.end();
    }
  };
  const id = (name: string) => `\`${name.replaceAll('`', '``')}\``;

  return {
    host: '127.0.0.1',
    port,
    adminUser: 'root',
    query,
    async ensureDatabase(database) {
      await query(`CREATE DATABASE IF NOT EXISTS ${id(database)}`);
    },
    async createLogin(database, login: Login) {
      const privileges = PRIVILEGES[login.roles[0] ?? ''];
      if (!privileges) throw new Error(`no MySQL privileges for the role ${login.roles[0]}`);
      await query('CREATE USER ?@? IDENTIFIED BY ? REQUIRE SSL', [login.username, '%', login.password]);
      await query(`GRANT ${privileges} ON ${id(database)}.* TO ?@?`, [login.username, '%']);
    },
    async dropLogin(_database, username) {
      await query('DROP USER ?@?', [username, '%']);
    },
    async schema(database) {
      const tables = await query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?', [database]);
      const schema: Record<string, string> = {};
      for (const { t } of tables) {
        const [row] = await query(`SHOW CREATE TABLE ${id(database)}.${id(String(t))}`);
        schema[String(t)] = String(row?.['Create Table']);
      }
      return schema;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
