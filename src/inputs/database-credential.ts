// The database-credential inputs: `branch`, `role`, `cidrs` and `database-url-env`. Pure, like
// the rest of inputs/. The database's kind (Vitess or Postgres) is PlanetScale's to say, so it
// is not known here: `role` values name their kind (the two sets share no name), and
// credentials/kind.ts checks them against the database before anything is created.

import { isIP } from 'node:net';
import { fail, type InputError, type Parsed } from './parsed.js';
import { nearest } from './nearest.js';
import { show } from '../report/text.js';

export type DatabaseKind = 'mysql' | 'postgresql';

/** A branch password's role on Vitess (the spec's create_password `role` enum). */
export const VITESS_ROLES: readonly string[] = ['reader', 'writer', 'readwriter', 'admin'];
/** The roles a Postgres role may inherit (the spec's create_role `inherited_roles` enum). */
export const POSTGRES_ROLES: readonly string[] = [
  'pg_checkpoint',
  'pg_create_subscription',
  'pg_maintain',
  'pg_monitor',
  'pg_read_all_data',
  'pg_read_all_settings',
  'pg_read_all_stats',
  'pg_signal_backend',
  'pg_stat_scan_tables',
  'pg_use_reserved_connections',
  'pg_write_all_data',
  'postgres',
];

/**
 * What a migration job needs, as neither API has a default a job can rely on: on Vitess `admin`
 * (DDL needs it), on Postgres `postgres` (the branch's default role's privileges, so the new role
 * can create tables in the schemas the default role owns).
 */
export const DEFAULT_ROLE: Record<DatabaseKind, readonly string[]> = { mysql: ['admin'], postgresql: ['postgres'] };

export interface CredentialRequest {
  database: string;
  branch: string;
  /** As written, or empty for the kind's default (DEFAULT_ROLE). */
  roles: string[];
  /** Which kind the written roles belong to; undefined when none was written. */
  rolesKind?: DatabaseKind;
  cidrs: string[];
  /** The variable later steps get the URL in; "" exports none. */
  urlEnv: string;
}

/** As in config.ts: a pasted blob gets a readable list, not a flood. */
const MAX_PROBLEMS = 10;

const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** `branch`: a branch of the `database` input, on which the credential is minted. */
export function parseBranch(value: string, database: string): Parsed<string> {
  if (!BRANCH_NAME.test(value)) {
    return fail(
      'branch',
      `${show(value)} is not a PlanetScale branch name: use letters, digits, "-" or "_" (at most 128 characters, starting with a letter or digit).`,
    );
  }
  if (!database) {
    return fail('branch', `needs the database input: the branch ${show(value)} is a branch of which database? Set database as well.`);
  }
  return { ok: true, value };
}

/** `role`: one Vitess role, or one or more Postgres roles to inherit; never a mix. */
export function parseRoles(text: string): Parsed<{ roles: string[]; kind?: DatabaseKind }> {
  const roles = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  if (roles.length === 0) return { ok: true, value: { roles } };
  const errors: InputError[] = [];
  for (const role of roles) {
    if (errors.length === MAX_PROBLEMS) {
      errors.push({
        input: 'role',
        message: `has more problems than the ${MAX_PROBLEMS} above; checking stopped there. Fix these and run again.`,
      });
      break;
    }
    if (VITESS_ROLES.includes(role) || POSTGRES_ROLES.includes(role)) continue;
    const meant = nearest(role, [...VITESS_ROLES, ...POSTGRES_ROLES]);
    errors.push({
      input: 'role',
      message:
        `${show(role)} is not a role PlanetScale knows${meant ? `; did you mean ${show(meant)}?` : '.'} ` +
        `On a Vitess database use one of ${VITESS_ROLES.join(', ')}; on Postgres, roles to inherit such as pg_read_all_data, pg_write_all_data or postgres.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const vitess = roles.filter((role) => VITESS_ROLES.includes(role));
  if (vitess.length > 0 && vitess.length < roles.length) {
    return fail(
      'role',
      `mixes a Vitess role (${vitess.join(', ')}) with Postgres roles (${roles.filter((r) => !vitess.includes(r)).join(', ')}): a database is one or the other.`,
    );
  }
  if (vitess.length > 1) {
    return fail(
      'role',
      `gives ${vitess.length} Vitess roles (${vitess.join(', ')}): a branch password has one; readwriter reads and writes.`,
    );
  }
  return { ok: true, value: { roles, kind: vitess.length > 0 ? 'mysql' : 'postgresql' } };
}

/** `cidrs`: addresses or CIDR ranges, IPv4 or IPv6, that may use the password. */
export function parseCidrs(text: string): Parsed<string[]> {
  const cidrs = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  const errors: InputError[] = [];
  for (const cidr of cidrs) {
    const problem = cidrProblem(cidr);
    if (problem) errors.push({ input: 'cidrs', message: problem });
    if (errors.length === MAX_PROBLEMS) {
      errors.push({
        input: 'cidrs',
        message: `has more problems than the ${MAX_PROBLEMS} above; checking stopped there. Fix these and run again.`,
      });
      break;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: cidrs };
}

function cidrProblem(cidr: string): string | undefined {
  const [address = '', prefix, ...rest] = cidr.split('/');
  const family = isIP(address);
  const hint = 'give an address or a CIDR range, e.g. "203.0.113.7", "203.0.113.0/24" or "2001:db8::/32"';
  if (family === 0 || rest.length > 0) return `${show(cidr)} is not an IP address or CIDR range: ${hint}.`;
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `${show(cidr)} has a prefix length that is not 0 to ${bits}: ${hint}.`;
  }
  return undefined;
}

/** Variables the URL may not be exported as: the runner's, the action's own, and those that change how later steps run. */
const RESERVED_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'PLANETSCALE_'];
const RESERVED_NAMES = ['PATH', 'HOME', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'BASH_ENV', 'ENV', 'CI'];

/** `database-url-env`: the name of the variable later steps get the URL in; "" for none. */
export function parseUrlEnv(value: string): Parsed<string> {
  if (value === '') return { ok: true, value };
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) {
    return fail('database-url-env', `${show(value)} is not an environment variable name: use letters, digits and "_", e.g. DATABASE_URL.`);
  }
  const upper = value.toUpperCase();
  if (RESERVED_NAMES.includes(upper) || RESERVED_PREFIXES.some((prefix) => upper.startsWith(prefix))) {
    return fail(
      'database-url-env',
      `${show(value)} is a variable the runner, this action or Node relies on: choose another name, e.g. DATABASE_URL (or "" to export none).`,
    );
  }
  return { ok: true, value };
}
