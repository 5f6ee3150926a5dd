// The database-credential inputs, the plan once the kind is known, the connection URL, and the
// state post reads back: all pure.
import { describe, expect, it } from 'vitest';
import { parseBranch, parseCidrs, parseRoles, parseUrlEnv } from '../../src/inputs/database-credential.ts';
import { DEFAULT_API_URL, parseInputs } from '../../src/inputs/config.ts';
import { formatInputError, type Parsed } from '../../src/inputs/parsed.ts';
import { UNKNOWN_RUN } from '../../src/runner/run-context.ts';
import { planCredential } from '../../src/credentials/plan.ts';
import { connectionFor, parseAccessHost, secretForms } from '../../src/credentials/connection.ts';
import { decodeCredentialTarget, encodeCredentialTarget } from '../../src/credentials/state.ts';
import { missingCredentialAccesses } from '../../src/credentials/minting-accesses.ts';
import { readPostWork } from '../../src/steps/post/plan.ts';
import { STATE } from '../../src/state/keys.ts';

const errorsOf = <T>(result: Parsed<T>): string[] => {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map(formatInputError);
};
const valueOf = <T>(result: Parsed<T>): T => {
  if (!result.ok) throw new Error(result.errors.map(formatInputError).join('\n'));
  return result.value;
};

const base = {
  org: 'acme',
  'minting-token-id': 'mintid123456',
  'minting-token': 'pscale_tkn_mint',
  database: 'app',
  ttl: '1h',
  'export-env': 'true',
  cleanup: 'true',
  'sweep-expired': 'false',
  'api-url': DEFAULT_API_URL,
  'database-url-env': 'DATABASE_URL',
};
const parse = (inputs: Record<string, string>) => parseInputs((name) => (inputs[name] ?? '').trim(), {}, UNKNOWN_RUN);

describe('inputs for a database credential', () => {
  it('takes a branch with no accesses: a credential only, no token', () => {
    const config = valueOf(parse({ ...base, branch: 'pr-7' }));
    expect(config.requests).toEqual([]);
    expect(config.databaseCredential).toEqual({ database: 'app', branch: 'pr-7', roles: [], cidrs: [], urlEnv: 'DATABASE_URL' });
  });

  it('still refuses a run that mints nothing at all', () => {
    expect(errorsOf(parse(base)).join('\n')).toMatch(/nothing to grant.*or give branch/);
  });

  it('reports every problem of the new inputs at once, before any call', () => {
    const errors = errorsOf(parse({ ...base, branch: 'pr 7', role: 'admn', cidrs: '10.0.0.0/33 nope', 'database-url-env': 'PATH' }));
    expect(errors).toEqual([
      expect.stringMatching(/^Input "branch": "pr 7" is not a PlanetScale branch name/),
      expect.stringMatching(/^Input "role": "admn" is not a role PlanetScale knows; did you mean "admin"\?/),
      expect.stringMatching(/^Input "cidrs": "10.0.0.0\/33" has a prefix length that is not 0 to 32/),
      expect.stringMatching(/^Input "cidrs": "nope" is not an IP address or CIDR range/),
      expect.stringMatching(/^Input "database-url-env": "PATH" is a variable the runner, this action or Node relies on/),
    ]);
  });

  it('refuses role and cidrs without a branch, and a branch without a database', () => {
    expect(errorsOf(parse({ ...base, accesses: 'read_branch', role: 'admin' }))).toEqual([
      expect.stringMatching(/^Input "role": applies to a database credential, which only branch asks for/),
    ]);
    expect(errorsOf(parse({ ...base, database: '', 'org-accesses': 'read_databases', branch: 'main' }))).toEqual([
      expect.stringMatching(/^Input "branch": needs the database input/),
    ]);
  });

  it('an empty database-url-env exports none', () => {
    expect(valueOf(parse({ ...base, branch: 'main', 'database-url-env': '' })).databaseCredential?.urlEnv).toBe('');
  });

  it('cidrs on a role for Postgres are refused before any call', () => {
    expect(errorsOf(parse({ ...base, branch: 'main', role: 'postgres', cidrs: '10.0.0.0/8' }))).toEqual([
      expect.stringMatching(/^Input "cidrs": applies to branch passwords on Vitess databases/),
    ]);
  });
});

describe('parseBranch, parseRoles, parseCidrs, parseUrlEnv', () => {
  it('branch names', () => {
    expect(valueOf(parseBranch('pr-12', 'app'))).toBe('pr-12');
    expect(errorsOf(parseBranch('../main', 'app'))[0]).toMatch(/not a PlanetScale branch name/);
  });

  it('roles name their kind, and are never mixed', () => {
    expect(valueOf(parseRoles('readwriter'))).toEqual({ roles: ['readwriter'], kind: 'mysql' });
    expect(valueOf(parseRoles('pg_read_all_data, pg_write_all_data pg_read_all_data'))).toEqual({
      roles: ['pg_read_all_data', 'pg_write_all_data'],
      kind: 'postgresql',
    });
    expect(valueOf(parseRoles(''))).toEqual({ roles: [] });
    expect(errorsOf(parseRoles('admin postgres'))[0]).toMatch(/mixes a Vitess role \(admin\) with Postgres roles \(postgres\)/);
    expect(errorsOf(parseRoles('reader writer'))[0]).toMatch(/gives 2 Vitess roles .* a branch password has one/);
  });

  it('cidrs: IPv4 and IPv6, addresses and ranges', () => {
    expect(valueOf(parseCidrs('203.0.113.7, 198.51.100.0/24\n2001:db8::/32 ::1'))).toEqual([
      '203.0.113.7',
      '198.51.100.0/24',
      '2001:db8::/32',
      '::1',
    ]);
    expect(errorsOf(parseCidrs('2001:db8::/129'))[0]).toMatch(/prefix length that is not 0 to 128/);
    expect(errorsOf(parseCidrs('10.0.0.0/8/1'))[0]).toMatch(/not an IP address or CIDR range/);
  });

  it('the URL variable', () => {
    expect(valueOf(parseUrlEnv('MIGRATE_URL'))).toBe('MIGRATE_URL');
    expect(errorsOf(parseUrlEnv('planetscale_service_token'))[0]).toMatch(/relies on/);
    expect(errorsOf(parseUrlEnv('1URL'))[0]).toMatch(/not an environment variable name/);
  });
});

describe('planCredential', () => {
  const request = { database: 'app', branch: 'main', roles: [], cidrs: [], urlEnv: 'DATABASE_URL' };

  it('takes the default a migration needs, per kind', () => {
    expect(planCredential('mysql', request)).toEqual({ ok: true, kind: 'password', roles: ['admin'] });
    expect(planCredential('postgresql', request)).toEqual({ ok: true, kind: 'role', roles: ['postgres'] });
  });

  it('refuses roles of the other kind, and cidrs on Postgres', () => {
    const wrong = planCredential('postgresql', { ...request, roles: ['reader'], rolesKind: 'mysql' as const });
    expect(wrong).toMatchObject({ ok: false, input: 'role' });
    expect(wrong.ok || wrong.message).toMatch(/reader is a role for a Vitess \(MySQL\) database, but "app" is a Postgres database/);
    expect(planCredential('postgresql', { ...request, cidrs: ['10.0.0.0/8'] })).toMatchObject({ ok: false, input: 'cidrs' });
    expect(planCredential('mysql', { ...request, roles: ['reader'], rolesKind: 'mysql' as const, cidrs: ['10.0.0.0/8'] })).toEqual({
      ok: true,
      kind: 'password',
      roles: ['reader'],
    });
  });
});

describe('connection', () => {
  it('adds the standard port to a host without one, and keeps a port given', () => {
    expect(parseAccessHost('aws.connect.psdb.cloud', 'mysql')).toEqual({ host: 'aws.connect.psdb.cloud', port: 3306 });
    expect(parseAccessHost('aws.connect.psdb.cloud', 'postgresql')).toEqual({ host: 'aws.connect.psdb.cloud', port: 5432 });
    expect(parseAccessHost('127.0.0.1:40123', 'postgresql')).toEqual({ host: '127.0.0.1', port: 40123 });
    expect(parseAccessHost('[::1]:6432', 'postgresql')).toEqual({ host: '[::1]', port: 6432 });
    expect(parseAccessHost('::1', 'mysql')).toEqual({ host: '[::1]', port: 3306 });
  });

  it('refuses a host that could steer the URL', () => {
    for (const bad of ['', 'evil.test/other', 'user@evil.test', 'h:0', 'h:70000', 'h?x=1', 'h#', '-h', 'h h']) {
      expect(parseAccessHost(bad, 'mysql'), bad).toBeUndefined();
    }
  });

  it('percent-encodes user and password, and asks for TLS verification', () => {
    const password = 'p@ss:w/rd?#%+ é';
    const pg = connectionFor('postgresql', { accessHost: 'db.test', username: 'u.1', password, databaseName: 'app' })!;
    expect(pg.url).toBe(`postgresql://u.1:${encodeURIComponent(password)}@db.test:5432/app?sslmode=verify-full`);
    const parsed = new URL(pg.url);
    expect(decodeURIComponent(parsed.password)).toBe(password);
    const mysql = connectionFor('mysql', { accessHost: 'db.test', username: 'u', password: 'x', databaseName: 'app' })!;
    expect(new URL(mysql.url).searchParams.get('ssl')).toBe('{"rejectUnauthorized":true,"verifyIdentity":true}');
    expect(new URL(mysql.url).searchParams.get('sslaccept')).toBe('strict');
  });

  it('masks every form the password takes', () => {
    const password = 'a@b%c d';
    const { url } = connectionFor('mysql', { accessHost: 'db.test', username: 'u', password, databaseName: 'app' })!;
    const forms = secretForms(password, url);
    expect(forms).toEqual(expect.arrayContaining([password, encodeURIComponent(password), url]));
    expect(forms).toContain(new URL(url).password);
  });
});

describe('the credential in state', () => {
  const target = { org: 'acme', database: 'app', branch: 'pr-1', kind: 'role' as const, name: 'gha-x-abc123', successor: 'r0le1d' };

  it('reads back what main wrote', () => {
    expect(decodeCredentialTarget(encodeCredentialTarget(target))).toEqual(target);
  });

  it('reads nothing it could not have written', () => {
    for (const text of [
      '',
      '{',
      '[]',
      JSON.stringify({ ...target, kind: 'token' }),
      JSON.stringify({ ...target, branch: '../x' }),
      JSON.stringify({ ...target, successor: 'a/b' }),
    ]) {
      expect(decodeCredentialTarget(text), text).toBeUndefined();
    }
  });
});

describe('missingCredentialAccesses', () => {
  const target = { kind: 'password' as const, name: 'n', database: 'app' };
  const on = (access: string, resourceName = 'app', resourceType = 'Database') => ({ access, resourceName, resourceType });

  it('is silent when the minting token can delete and list', () => {
    expect(missingCredentialAccesses([on('delete_branch_password'), on('connect_branch')], target, true)).toBeUndefined();
  });

  it('warns when it cannot delete, or cannot list on that database', () => {
    expect(missingCredentialAccesses([on('connect_branch')], target, true)).toMatch(
      /does not hold delete_branch_password on database "app"/,
    );
    expect(missingCredentialAccesses([on('delete_branch_password'), on('read_branch', 'other')], target, true)).toMatch(/read_branch/);
    expect(missingCredentialAccesses([on('connect_branch')], target, false)).toBeUndefined();
  });
});

describe("post's plan for the credential", () => {
  const target = encodeCredentialTarget({ org: 'acme', database: 'app', branch: 'main', kind: 'password', name: 'gha-x-abc123' });
  const work = (state: Record<string, string>) => readPostWork((key) => state[key] ?? '');

  it('a credential alone is work, and so is one whose create never answered', () => {
    expect(work({ [STATE.credential]: target, [STATE.credentialId]: 'pw1' })).toMatchObject({
      hasWork: true,
      byId: false,
      byName: false,
      credential: { id: 'pw1', target: { kind: 'password', branch: 'main' } },
    });
    expect(work({ [STATE.credential]: target }).credential).toMatchObject({ id: '' });
  });

  it('none once main settled it, or with cleanup false, or when the state is not one main wrote', () => {
    expect(work({ [STATE.credential]: target, [STATE.credentialId]: 'pw1', [STATE.credentialSettled]: 'true' })).toMatchObject({
      hasWork: false,
      message: 'Nothing to clean up: the main step minted no token.',
    });
    const kept = work({ [STATE.credential]: target, [STATE.credentialId]: 'pw1', [STATE.cleanup]: 'false' });
    expect(kept.hasWork).toBe(false);
    expect(kept.message).toMatch(/^cleanup is false: leaving branch password "gha-x-abc123"/);
    expect(work({ [STATE.credential]: '{"kind":"password"}', [STATE.credentialId]: 'pw1' }).hasWork).toBe(false);
  });

  it('the credential beside a token: both are work', () => {
    const both = work({
      [STATE.name]: 'gha-x-abc123',
      [STATE.id]: 'tok1',
      [STATE.createAttempted]: 'true',
      [STATE.credential]: target,
      [STATE.credentialId]: 'pw1',
    });
    expect(both).toMatchObject({ hasWork: true, byId: true, credential: { id: 'pw1' } });
  });
});
