// Reading and validating the action's inputs. Everything here is pure (inputs come in through
// `read` and `env`), and all of it runs before any request: a mistake in the workflow file is
// reported as one clear error per input, never as an API failure after a token was minted.

import { accessProblem, normalizeAccess, type AccessLevel } from './accesses.js';
import { mistypedInputs, withDefaults } from './action-inputs.js';
import { parseCredential, type MintingCredential } from './minting-credential.js';
import { fail, formatInputError, type InputError, type Parsed, type ReadInput } from './parsed.js';
import type { RunInfo } from '../runner/run-context.js';
import { show } from '../report/text.js';
import { DEFAULT_API_URL, parseApiUrl } from './api-url.js';
import { parseBranch, parseCidrs, parseRoles, parseUrlEnv, type CredentialRequest } from './database-credential.js';

export { DEFAULT_API_URL, parseApiUrl };
import type { SweepNames } from '../token/sweep-names.js';
import { defaultNamePrefix, defaultNameStem, normalizeNamePrefix } from '../token/name.js';

export const MIN_TTL_SECONDS = 60;
export const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;

export type ResourceType = 'Database' | 'Organization';

/** Accesses to grant on one resource: a database, or the organization itself. */
export interface AccessRequest {
  resourceType: ResourceType;
  resourceName: string;
  accesses: string[];
}

export interface Config {
  org: string;
  credential: MintingCredential;
  /** One entry per database (in the order first named), then the organization's, if any. Empty: no token is minted. */
  requests: AccessRequest[];
  /** The database credential to mint (the branch input), if any. */
  databaseCredential?: CredentialRequest;
  ttlSeconds: number;
  namePrefix: string;
  exportEnv: boolean;
  cleanup: boolean;
  /** Post deletes the expired leftovers of earlier runs named like `sweepNames`. */
  sweepExpired: boolean;
  sweepNames: SweepNames;
  apiUrl: string;
  /** Things taken otherwise than written (an access name's case), for a notice each. */
  notices: string[];
}

/** Collects errors from several parsers so that one run reports every mistake at once. */
class Errors {
  readonly list: InputError[] = [];
  add(input: string, message: string): void {
    this.list.push({ input, message });
  }
  take<T>(result: Parsed<T>): T | undefined {
    if (result.ok) return result.value;
    this.list.push(...result.errors);
    return undefined;
  }
}

/** What main knows of env beyond its values. */
export interface EnvOrigin {
  /** Env holds what an earlier use of this action in this job exported (steps/env-handover.ts). */
  envFromEarlierUse?: boolean;
}

/** `run`: the workflow run (runner/run-context.ts), for the default name and the guidance on empty secrets. */
export function parseInputs(readGiven: ReadInput, env: NodeJS.ProcessEnv, run: RunInfo, origin: EnvOrigin = {}): Parsed<Config> {
  const errors = new Errors();
  for (const e of mistypedInputs(env)) errors.add(e.input, e.message);
  const read = withDefaults(readGiven);
  const notices: string[] = [];
  const org = errors.take(parseOrg(read('org'), env, origin));
  const credential = errors.take(parseCredential(read, env, run.secretsWithheld));
  const database = read('database');
  if (database) errors.take(parseResourceName('database', database));
  const databaseRequests = errors.take(parseDatabaseAccesses(read('accesses'), database, notices)) ?? [];
  const orgAccesses = errors.take(parseOrgAccesses(read('org-accesses'), notices)) ?? [];
  const ttlSeconds = errors.take(parseTtl(read('ttl')));
  const namePrefix = errors.take(parseNamePrefix(read('name'), run));
  const exportEnv = errors.take(parseBoolean('export-env', read('export-env')));
  const cleanup = errors.take(parseBoolean('cleanup', read('cleanup')));
  const sweepExpired = errors.take(parseBoolean('sweep-expired', read('sweep-expired')));
  const apiUrl = errors.take(parseApiUrl(read('api-url')));
  const databaseCredential = parseDatabaseCredential(readGiven, database, errors);

  const requests: AccessRequest[] = [...databaseRequests];
  if (orgAccesses.length > 0 && org) {
    requests.push({ resourceType: 'Organization', resourceName: org, accesses: orgAccesses });
  }
  const accessErrors = errors.list.some((e) => e.input === 'accesses' || e.input === 'org-accesses');
  if (databaseRequests.length === 0 && orgAccesses.length === 0 && !accessErrors && !read('branch')) {
    errors.add(
      'accesses',
      'nothing to grant: a token with no accesses can do nothing. List database accesses in accesses ' +
        '(e.g. "read_branch, create_branch" with the database input) and/or organization accesses in org-accesses, ' +
        'or give branch to mint only a database credential.',
    );
  }

  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  return {
    ok: true,
    value: {
      org: org!,
      credential: credential!,
      requests,
      ...(databaseCredential ? { databaseCredential } : {}),
      ttlSeconds: ttlSeconds!,
      namePrefix: namePrefix!,
      exportEnv: exportEnv!,
      cleanup: cleanup!,
      sweepExpired: sweepExpired!,
      sweepNames:
        namePrefix && read('name') ? { stem: `${namePrefix}-`, exact: true } : { stem: defaultNameStem(run.repository), exact: false },
      apiUrl: apiUrl!,
      notices,
    },
  };
}

/**
 * The credential `branch` asks for; undefined when none (or when its inputs have errors, added
 * to `errors`). `database-url-env` is read as given: there an empty value means "export none",
 * while the runner fills in action.yml's default when the workflow omits it.
 */
function parseDatabaseCredential(read: ReadInput, database: string, errors: Errors): CredentialRequest | undefined {
  const given = withDefaults(read);
  const branchValue = given('branch');
  if (!branchValue) {
    for (const input of ['role', 'cidrs']) {
      if (given(input))
        errors.add(input, 'applies to a database credential, which only branch asks for: set branch (and database), or remove it.');
    }
    return undefined;
  }
  const branch = errors.take(parseBranch(branchValue, database));
  const roles = errors.take(parseRoles(given('role')));
  const cidrs = errors.take(parseCidrs(given('cidrs')));
  if (cidrs && cidrs.length > 0 && roles?.kind === 'postgresql') {
    errors.add(
      'cidrs',
      'applies to branch passwords on Vitess databases: a Postgres role takes none. Remove cidrs, or mint on a Vitess database.',
    );
  }
  const urlEnv = errors.take(parseUrlEnv(read('database-url-env')));
  if (branch === undefined || roles === undefined || cidrs === undefined || urlEnv === undefined) return undefined;
  return { database, branch, roles: roles.roles, ...(roles.kind ? { rolesKind: roles.kind } : {}), cidrs, urlEnv };
}

/**
 * As pscale does: the organization from env PLANETSCALE_ORG when the input is empty. Not when an
 * earlier use of the action exported it: that is its organization, perhaps from its own org input.
 */
function parseOrg(given: string, env: NodeJS.ProcessEnv, origin: EnvOrigin): Parsed<string> {
  if (given) return parseResourceName('org', given);
  const fromEnv = (env['PLANETSCALE_ORG'] ?? '').trim();
  if (fromEnv && origin.envFromEarlierUse) {
    return fail(
      'org',
      `is empty, and env PLANETSCALE_ORG (${show(fromEnv)}) is what an earlier use of this action in this job exported for the steps after it, ` +
        `not a setting of this step: give org on this step too, e.g. "org: ${fromEnv}" if that is the organization meant.`,
    );
  }
  return parseResourceName('org', fromEnv);
}

// PlanetScale names organizations and databases with letters, digits, `-` and `_`. Being a little
// wider (`.`) costs nothing; refusing `/`, `?`, `#`, `%`, spaces and a leading `.` is what keeps a
// name one path segment, whatever encoding does.
const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function parseResourceName(input: string, value: string): Parsed<string> {
  if (!value) {
    return fail(
      input,
      input === 'org'
        ? 'is empty, and so is env PLANETSCALE_ORG: give the PlanetScale organization name, e.g. "acme".'
        : 'is empty: give the PlanetScale database name, e.g. "app".',
    );
  }
  if (!RESOURCE_NAME.test(value)) {
    return fail(
      input,
      `${show(value)} is not a PlanetScale name: use letters, digits, "-" or "_" (at most 128 characters, starting with a letter or digit).`,
    );
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Accesses

/** Items separated by commas, spaces, tabs or newlines; empty items (trailing commas) dropped. */
function splitItems(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

// Not core.getMultilineInput: items are also separated by commas and spaces, and a lone CR ends a
// line too, so the text is split here.
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Databases one run may grant on: each is one grant call on the minting token's shared rate limit. */
export const MAX_DATABASES = 100;
/** An access name in PlanetScale's spelling; a notice in `notices` when it was written otherwise. */
function takeAccess(input: string, written: string, notices: string[]): string {
  const { access, note } = normalizeAccess(written);
  if (note) notices.push(formatInputError({ input, message: note }));
  return access;
}

/** accessProblem, with the notice of a name passed on to PlanetScale naming the input it came from. */
function checkAccess(input: string, access: string, level: AccessLevel, notices: string[]): string | undefined {
  const passedOn: string[] = [];
  const problem = accessProblem(access, level, passedOn);
  for (const message of passedOn) notices.push(formatInputError({ input, message }));
  return problem;
}

const DATABASE_LINE = /^\s*([^\s,:]+)\s*:(.*)$/;

// A pasted blob could hold thousands of bad items: checking stops after this many problems in one
// input, so the log gets a readable list instead of a flood (and the check stays fast).
const MAX_PROBLEMS_PER_INPUT = 10;
const moreProblems = (input: string): InputError => ({
  input,
  message: `has more problems than the ${MAX_PROBLEMS_PER_INPUT} above; checking stopped there. Fix these and run again.`,
});

/**
 * `accesses`: bare items apply to `database`; a line `DB: perm, perm` grants on DB. The same
 * database on several lines, and repeated accesses, are merged.
 */
export function parseDatabaseAccesses(text: string, database: string, notices: string[] = []): Parsed<AccessRequest[]> {
  const errors: InputError[] = [];
  const byDatabase = new Map<string, Set<string>>();
  const add = (db: string, access: string) => {
    const set = byDatabase.get(db) ?? new Set<string>();
    set.add(access);
    byDatabase.set(db, set);
  };
  let reportedMissingDatabase = false;
  let stopped = false;

  scan: for (const line of lines(text)) {
    if (!line.trim()) continue;
    if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
      stopped = true;
      break;
    }
    const prefixed = DATABASE_LINE.exec(line);
    const db = prefixed ? prefixed[1]! : undefined;
    const items = splitItems(prefixed ? prefixed[2]! : line);
    if (db !== undefined) {
      const name = parseResourceName('accesses', db);
      if (!name.ok) {
        errors.push({
          input: 'accesses',
          message: `database ${show(db)} in line ${show(line.trim())} is not a PlanetScale name: use letters, digits, "-" or "_".`,
        });
        continue;
      }
      if (items.length === 0) {
        errors.push({
          input: 'accesses',
          message: `line ${show(line.trim())} names database ${show(db)} but no accesses: write e.g. "${db}: read_branch, create_branch".`,
        });
        continue;
      }
    }
    for (const written of items) {
      const item = takeAccess('accesses', written, notices);
      if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
        stopped = true;
        break scan;
      }
      if (item.includes(':')) {
        errors.push({
          input: 'accesses',
          message: `${show(item)}: a "DB:" prefix must start its own line, e.g. "app: read_branch" on one line and "analytics: connect_branch" on the next.`,
        });
        continue;
      }
      const problem = checkAccess('accesses', item, 'database', notices);
      if (problem) {
        errors.push({ input: 'accesses', message: problem });
        continue;
      }
      const target = db ?? database;
      if (!target) {
        if (!reportedMissingDatabase) {
          errors.push({
            input: 'accesses',
            message: `${show(item)} has no database: set the database input, or write the line as "DB: ${item}".`,
          });
          reportedMissingDatabase = true;
        }
        continue;
      }
      add(target, item);
    }
  }

  if (stopped) errors.push(moreProblems('accesses'));
  if (byDatabase.size > MAX_DATABASES) {
    errors.push({
      input: 'accesses',
      message:
        `names ${byDatabase.size} databases; one run grants on at most ${MAX_DATABASES}: each database is an API call, paid from ` +
        "the minting token's rate limit, which every job using that token shares. Split the databases across jobs, each minting its own token.",
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: [...byDatabase].map(([name, set]) => ({ resourceType: 'Database' as const, resourceName: name, accesses: [...set] })),
  };
}

/** `org-accesses`: organization-level access names, separated like `accesses`; duplicates merged. */
export function parseOrgAccesses(text: string, notices: string[] = []): Parsed<string[]> {
  const errors: InputError[] = [];
  const accesses = new Set<string>();
  for (const item of splitItems(text).map((written) => takeAccess('org-accesses', written, notices))) {
    if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
      errors.push(moreProblems('org-accesses'));
      break;
    }
    if (item.includes(':')) {
      errors.push({
        input: 'org-accesses',
        message: `${show(item)}: org-accesses takes organization-level accesses only, with no "DB:" prefix; database accesses go in accesses.`,
      });
      continue;
    }
    const problem = checkAccess('org-accesses', item, 'organization', notices);
    if (problem) errors.push({ input: 'org-accesses', message: problem });
    else accesses.add(item);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: [...accesses] };
}

// ---------------------------------------------------------------------------------------------
// TTL, name, booleans, URL

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const TTL_HINT = 'use whole seconds ("900") or a number with unit s, m, h or d ("15m", "2h"), from 60 seconds to 7 days';

export function parseTtl(value: string): Parsed<number> {
  const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(value);
  if (!match) return fail('ttl', `${show(value)} is not a duration: ${TTL_HINT}.`);
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]!;
  if (seconds < MIN_TTL_SECONDS) return fail('ttl', `${show(value)} is too short: ${TTL_HINT}.`);
  if (seconds > MAX_TTL_SECONDS) return fail('ttl', `${show(value)} is too long: ${TTL_HINT}.`);
  return { ok: true, value: seconds };
}

export function parseNamePrefix(value: string, run: RunInfo): Parsed<string> {
  const prefix = value ? normalizeNamePrefix(value) : defaultNamePrefix(run);
  if (!prefix) {
    if (value) return fail('name', `${show(value)} has no letters or digits: give a prefix such as "ci-migrate".`);
    return { ok: true, value: 'gha' };
  }
  return { ok: true, value: prefix };
}

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them. Not
// getBooleanInput itself: it throws a TypeError at the first bad boolean, while the step reports
// every bad input at once, each as "Input <name>: what is wrong, what would be right".
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function parseBoolean(input: string, value: string): Parsed<boolean> {
  if (TRUE.includes(value)) return { ok: true, value: true };
  if (FALSE.includes(value)) return { ok: true, value: false };
  return fail(input, `${show(value)} is not a boolean: use true or false.`);
}
