import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8185);
// What ncc bundles into dist/main/index.js (action.yml runs.main).

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6441:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PG: () => (/* binding */ RENAMED_INPUTS),
/* harmony export */   XJ: () => (/* binding */ mistypedInputs),
/* harmony export */   rO: () => (/* binding */ withDefaults)
/* harmony export */ });
/* unused harmony export ACTION_INPUTS */
/* harmony import */ var _nearest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3915);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5655);
// The inputs action.yml declares, with their defaults, in one place for the code. The runner
// applies a default only when the workflow omits the input: `ttl: ${{ vars.TTL }}` with the
// variable unset reaches the action as INPUT_TTL='' and the default is not applied, so the parser
// applies it itself. test/unit/action-inputs.test.ts keeps this table equal to action.yml.


/** Every declared input, and its default ('' when it has none), as in action.yml. */
const ACTION_INPUTS = {
    org: '',
    'minting-token-id': '',
    'minting-token': '',
    'api-token': '',
    database: '',
    accesses: '',
    'org-accesses': '',
    ttl: '1h',
    name: '',
    'export-env': 'true',
    cleanup: 'true',
    'sweep-expired': 'false',
    'api-url': 'https://api.planetscale.com',
    branch: '',
    role: '',
    cidrs: '',
    'database-url-env': 'DATABASE_URL',
};
/** `read`, with an empty value of an input that has a default taken as that default. */
function withDefaults(read) {
    return (name) => read(name) || (ACTION_INPUTS[name] ?? '');
}
/**
 * Inputs that had another name before the first release. The old names are what the minted
 * token's outputs are called, so a workflow still giving them would mint with nothing: it is
 * told the new name instead.
 */
const RENAMED_INPUTS = {
    'service-token-id': 'minting-token-id',
    'service-token': 'minting-token',
};
function renamedMessage(given, renamed) {
    return (`this action has no input ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(given)}: the minting token is given as ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(renamed)} ` +
        '(minting-token-id and minting-token; the outputs service-token-id and service-token are the minted token). ' +
        `Its value was not used: rename it to ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(renamed)} in the workflow's \`with:\`.`);
}
/** The env variable the runner passes an input in: INPUT_<NAME>, spaces to `_`, upper-cased, hyphens kept. */
const envName = (input) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
/**
 * The names of the INPUT_* variables in `env` that action.yml does not declare, lower-cased, in
 * order. The one place the action reads inputs from the environment itself, not through
 * @actions/core: core.getInput reads an input it is given the name of, and core has no call that
 * lists the inputs a step was given.
 */
function undeclaredInputs(env) {
    const declared = new Set(Object.keys(ACTION_INPUTS).map(envName));
    return Object.keys(env)
        .sort()
        .filter((variable) => variable.startsWith('INPUT_') && !declared.has(variable.toUpperCase()))
        .map((variable) => variable.slice('INPUT_'.length).toLowerCase());
}
/**
 * INPUT_* variables action.yml does not declare, that are a near miss of one it does (`tll` for
 * `ttl`, `minting_token_id` for `minting-token-id`). These are errors, not warnings: the runner
 * already warns about every unknown name, and that warning is easy to miss while the step stays
 * green with the setting silently at its default (a 1 h token instead of 5 m). A name close to
 * none of ours is left to the runner's warning: it may be meant for something else (a wrapper
 * passing inputs through, a job env that happens to start with INPUT_).
 */
function mistypedInputs(env) {
    const errors = [];
    for (const given of undeclaredInputs(env)) {
        const renamed = RENAMED_INPUTS[given.replace(/_/g, '-')];
        if (renamed) {
            errors.push({ input: given, message: renamedMessage(given, renamed) });
            continue;
        }
        // Compared as written in the workflow: `_` and `-` are both one edit apart, like any typo.
        const meant = (0,_nearest_js__WEBPACK_IMPORTED_MODULE_1__/* .nearest */ .p)(given, Object.keys(ACTION_INPUTS));
        if (!meant)
            continue;
        errors.push({
            input: given,
            message: `this action has no input ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(given)}; did you mean ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(meant)}? Its value was not used (and ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(meant)} would have been left at ${ACTION_INPUTS[meant] ? `its default ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(ACTION_INPUTS[meant])}` : 'empty'}): rename it in the workflow's \`with:\`.`,
        });
    }
    return errors;
}


/***/ }),

/***/ 89:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rK: () => (/* reexport */ DEFAULT_API_URL),
  TL: () => (/* binding */ parseInputs)
});

// UNUSED EXPORTS: MAX_DATABASES, MAX_TTL_SECONDS, MIN_TTL_SECONDS, parseApiUrl, parseBoolean, parseDatabaseAccesses, parseNamePrefix, parseOrgAccesses, parseResourceName, parseTtl

// EXTERNAL MODULE: ./src/inputs/nearest.ts
var nearest = __nccwpck_require__(3915);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __nccwpck_require__(5655);
;// CONCATENATED MODULE: ./src/inputs/accesses.ts
// The catalogue of PlanetScale service-token access names, by level, as listed in
// PlanetScale's docs (https://api-docs.planetscale.com/reference/service-tokens#access-permissions,
// vendored in test/fixtures/planetscale/accesses.json). Validation checks every requested access
// against it before any request, so a typo fails in milliseconds with a suggestion instead of
// as an opaque 422/404 after a token was already minted.


const ORGANIZATION_ACCESSES = [
    'read_organization',
    'read_invoices',
    'read_audit_logs',
    'read_databases',
    'create_databases',
    'delete_databases',
    'read_oauth_applications',
    'read_oauth_tokens',
    'write_oauth_tokens',
    'delete_oauth_tokens',
    'read_service_tokens',
    'write_service_tokens',
    'delete_service_tokens',
    'write_teams',
    'read_metrics_endpoints',
    // Named only in the spec's per-endpoint lists; PlanetScale's docs place it at organization level.
    'write_organization',
];
const DATABASE_ACCESSES = [
    'read_database',
    'write_database',
    'delete_database',
    'create_branch',
    'read_branch',
    'delete_branch',
    'delete_production_branch',
    'connect_branch',
    'connect_production_branch',
    'delete_branch_password',
    'delete_production_branch_password',
    'create_deploy_request',
    'read_deploy_request',
    'approve_deploy_request',
    'create_comment',
    'read_comment',
    'read_backups',
    'write_backups',
    'delete_backups',
    'delete_production_branch_backups',
    'restore_backup',
    'restore_production_branch_backup',
    'write_branch_vschema',
    'write_production_branch_vschema',
    // Named only in the spec's per-endpoint lists, level undocumented: treated as database level.
    'connect_production_read_only_branch',
    'create_branch_password',
    'create_production_branch_password',
    'create_production_read_only_branch_password',
    'delete_production_read_only_branch_password',
    'promote_branches',
    'demote_branches',
    'review_deploy_request',
];
/**
 * Accesses this action never grants: they manage credentials. A job token that can create
 * service or OAuth tokens can make one that outlives every TTL and that no post step deletes;
 * one that can delete them can remove other jobs' tokens, the minting token's included.
 */
const REFUSED_ACCESSES = new Set([
    'write_service_tokens',
    'delete_service_tokens',
    'write_oauth_tokens',
    'delete_oauth_tokens',
]);
const byLevel = {
    database: new Set(DATABASE_ACCESSES),
    organization: new Set(ORGANIZATION_ACCESSES),
};
function levelOf(access) {
    if (byLevel.database.has(access))
        return 'database';
    if (byLevel.organization.has(access))
        return 'organization';
    return undefined;
}
/** An access name's shape: what PlanetScale's names look like, so that one it added since passes. */
const ACCESS_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
/**
 * Why `access` cannot be granted at `level` (a sentence), or undefined when it can. A name in no
 * catalogue and near none of its names (nor of a refused one) may be one PlanetScale added since
 * this release: it goes to PlanetScale, which decides, with a line in `notices`.
 */
function accessProblem(access, level, notices) {
    if (REFUSED_ACCESSES.has(access)) {
        return (`${(0,report_text/* show */.WU)(access)} manages credentials, so this action never grants it: a token that can mint or delete tokens ` +
            'outlives every TTL in effect (it can make a new one, or remove others). Leave it out; a job that truly needs it ' +
            'needs a credential of its own, kept as a secret, not a short-lived token from this action.');
    }
    const actual = levelOf(access);
    if (actual === level)
        return undefined;
    if (actual === 'organization') {
        return `${(0,report_text/* show */.WU)(access)} is an organization-level access: list it in org-accesses, not accesses.`;
    }
    if (actual === 'database') {
        return `${(0,report_text/* show */.WU)(access)} is a database-level access: list it in accesses (with database or a "DB:" line), not org-accesses.`;
    }
    const nearest = nearestAccess(access, level);
    const nearAny = nearest ?? nearestAccess(access, level === 'database' ? 'organization' : 'database') ?? nearestRefused(access);
    if (!nearAny && notices && ACCESS_NAME.test(access)) {
        notices.push(`${(0,report_text/* show */.WU)(access)} is not among the ${level}-level accesses this version of the action knows: it is passed to PlanetScale, which decides. ` +
            'If PlanetScale refuses it, check the name in its documentation.');
        return undefined;
    }
    const hint = nearest ? `; did you mean ${(0,report_text/* show */.WU)(nearest)}?` : '.';
    return `${(0,report_text/* show */.WU)(access)} is not a PlanetScale ${level}-level access${hint}`;
}
/** The catalogue name closest to `name` at `level` (edit distance), if it is plausibly a typo. */
function nearestAccess(name, level) {
    // A typo is not steered to a refusal.
    return (0,nearest/* nearest */.p)(name, [...byLevel[level]].filter((candidate) => !REFUSED_ACCESSES.has(candidate)));
}
/** The refused access `name` is a near miss of: such a name is never passed on. */
function nearestRefused(name) {
    return (0,nearest/* nearest */.p)(name, [...REFUSED_ACCESSES]);
}
/**
 * An access name as PlanetScale spells it (lower case), and a note when the workflow spelt it
 * otherwise (`READ_BRANCH`): such a name is plainly meant, so it is taken, with a notice.
 */
function normalizeAccess(item) {
    const lower = item.toLowerCase();
    if (lower === item || !levelOf(lower))
        return { access: item };
    return { access: lower, note: `${(0,report_text/* show */.WU)(item)} taken as ${(0,report_text/* show */.WU)(lower)}: PlanetScale's access names are lower case.` };
}

// EXTERNAL MODULE: ./src/inputs/action-inputs.ts
var action_inputs = __nccwpck_require__(6441);
// EXTERNAL MODULE: ./src/inputs/minting-credential.ts
var minting_credential = __nccwpck_require__(2935);
// EXTERNAL MODULE: ./src/inputs/parsed.ts
var parsed = __nccwpck_require__(2344);
;// CONCATENATED MODULE: ./src/inputs/api-url.ts
// The api-url input: where the minting token is sent. Apart from config.ts so that post,
// which checks main's record against it, loads this rule alone.


const DEFAULT_API_URL = 'https://api.planetscale.com';
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname) => LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
/** The API base, without a trailing slash. https only, except http to a loopback host (tests, local proxies). */
function parseApiUrl(value) {
    const hint = `give an https URL such as "${DEFAULT_API_URL}"`;
    let url;
    try {
        url = new URL(value || DEFAULT_API_URL);
    }
    catch {
        return (0,parsed/* fail */.f)('api-url', `is not a URL: ${hint}.`);
    }
    // Checked first, and the value not echoed: a user:password in the URL is a credential.
    if (url.username || url.password) {
        return (0,parsed/* fail */.f)('api-url', `carries a user name or password, which must not be there: ${hint}.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        return (0,parsed/* fail */.f)('api-url', `${(0,report_text/* show */.WU)(value)} is not https: the minting token is only ever sent over https (http only to a loopback host); ${hint}.`);
    }
    if (url.search || url.hash)
        return (0,parsed/* fail */.f)('api-url', `${(0,report_text/* show */.WU)(value)} has a query or a fragment: ${hint}.`);
    return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

// EXTERNAL MODULE: ./src/inputs/database-credential.ts
var database_credential = __nccwpck_require__(9400);
// EXTERNAL MODULE: ./src/token/name.ts
var token_name = __nccwpck_require__(8434);
;// CONCATENATED MODULE: ./src/inputs/config.ts
// Reading and validating the action's inputs. Everything here is pure (inputs come in through
// `read` and `env`), and all of it runs before any request: a mistake in the workflow file is
// reported as one clear error per input, never as an API failure after a token was minted.









const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Collects errors from several parsers so that one run reports every mistake at once. */
class Errors {
    list = [];
    add(input, message) {
        this.list.push({ input, message });
    }
    take(result) {
        if (result.ok)
            return result.value;
        this.list.push(...result.errors);
        return undefined;
    }
}
/** `run`: the workflow run (runner/run-context.ts), for the default name and the guidance on empty secrets. */
function parseInputs(readGiven, env, run, origin = {}) {
    const errors = new Errors();
    for (const e of (0,action_inputs/* mistypedInputs */.XJ)(env))
        errors.add(e.input, e.message);
    const read = (0,action_inputs/* withDefaults */.rO)(readGiven);
    const notices = [];
    const org = errors.take(parseOrg(read('org'), env, origin));
    const credential = errors.take((0,minting_credential/* parseCredential */.n)(read, env, run.secretsWithheld));
    const database = read('database');
    if (database)
        errors.take(parseResourceName('database', database));
    const databaseRequests = errors.take(parseDatabaseAccesses(read('accesses'), database, notices)) ?? [];
    const orgAccesses = errors.take(parseOrgAccesses(read('org-accesses'), notices)) ?? [];
    const ttlSeconds = errors.take(parseTtl(read('ttl')));
    const namePrefix = errors.take(parseNamePrefix(read('name'), run));
    const exportEnv = errors.take(parseBoolean('export-env', read('export-env')));
    const cleanup = errors.take(parseBoolean('cleanup', read('cleanup')));
    const sweepExpired = errors.take(parseBoolean('sweep-expired', read('sweep-expired')));
    const apiUrl = errors.take(parseApiUrl(read('api-url')));
    const databaseCredential = parseDatabaseCredential(readGiven, database, errors);
    const requests = [...databaseRequests];
    if (orgAccesses.length > 0 && org) {
        requests.push({ resourceType: 'Organization', resourceName: org, accesses: orgAccesses });
    }
    const accessErrors = errors.list.some((e) => e.input === 'accesses' || e.input === 'org-accesses');
    if (databaseRequests.length === 0 && orgAccesses.length === 0 && !accessErrors && !read('branch')) {
        errors.add('accesses', 'nothing to grant: a token with no accesses can do nothing. List database accesses in accesses ' +
            '(e.g. "read_branch, create_branch" with the database input) and/or organization accesses in org-accesses, ' +
            'or give branch to mint only a database credential.');
    }
    if (errors.list.length > 0)
        return { ok: false, errors: errors.list };
    return {
        ok: true,
        value: {
            org: org,
            credential: credential,
            requests,
            ...(databaseCredential ? { databaseCredential } : {}),
            ttlSeconds: ttlSeconds,
            namePrefix: namePrefix,
            exportEnv: exportEnv,
            cleanup: cleanup,
            sweepExpired: sweepExpired,
            sweepNames: namePrefix && read('name') ? { stem: `${namePrefix}-`, exact: true } : { stem: (0,token_name/* defaultNameStem */.es)(run.repository), exact: false },
            apiUrl: apiUrl,
            notices,
        },
    };
}
/**
 * The credential `branch` asks for; undefined when none (or when its inputs have errors, added
 * to `errors`). `database-url-env` is read as given: there an empty value means "export none",
 * while the runner fills in action.yml's default when the workflow omits it.
 */
function parseDatabaseCredential(read, database, errors) {
    const given = (0,action_inputs/* withDefaults */.rO)(read);
    const branchValue = given('branch');
    if (!branchValue) {
        for (const input of ['role', 'cidrs']) {
            if (given(input))
                errors.add(input, 'applies to a database credential, which only branch asks for: set branch (and database), or remove it.');
        }
        return undefined;
    }
    const branch = errors.take((0,database_credential/* parseBranch */.Qd)(branchValue, database));
    const roles = errors.take((0,database_credential/* parseRoles */.fF)(given('role')));
    const cidrs = errors.take((0,database_credential/* parseCidrs */.Vj)(given('cidrs')));
    if (cidrs && cidrs.length > 0 && roles?.kind === 'postgresql') {
        errors.add('cidrs', 'applies to branch passwords on Vitess databases: a Postgres role takes none. Remove cidrs, or mint on a Vitess database.');
    }
    const urlEnv = errors.take((0,database_credential/* parseUrlEnv */.cp)(read('database-url-env')));
    if (branch === undefined || roles === undefined || cidrs === undefined || urlEnv === undefined)
        return undefined;
    return { database, branch, roles: roles.roles, ...(roles.kind ? { rolesKind: roles.kind } : {}), cidrs, urlEnv };
}
/**
 * As pscale does: the organization from env PLANETSCALE_ORG when the input is empty. Not when an
 * earlier use of the action exported it: that is its organization, perhaps from its own org input.
 */
function parseOrg(given, env, origin) {
    if (given)
        return parseResourceName('org', given);
    const fromEnv = (env['PLANETSCALE_ORG'] ?? '').trim();
    if (fromEnv && origin.envFromEarlierUse) {
        return (0,parsed/* fail */.f)('org', `is empty, and env PLANETSCALE_ORG (${(0,report_text/* show */.WU)(fromEnv)}) is what an earlier use of this action in this job exported for the steps after it, ` +
            `not a setting of this step: give org on this step too, e.g. "org: ${fromEnv}" if that is the organization meant.`);
    }
    return parseResourceName('org', fromEnv);
}
// PlanetScale names organizations and databases with letters, digits, `-` and `_`. Being a little
// wider (`.`) costs nothing; refusing `/`, `?`, `#`, `%`, spaces and a leading `.` is what keeps a
// name one path segment, whatever encoding does.
const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
function parseResourceName(input, value) {
    if (!value) {
        return (0,parsed/* fail */.f)(input, input === 'org'
            ? 'is empty, and so is env PLANETSCALE_ORG: give the PlanetScale organization name, e.g. "acme".'
            : 'is empty: give the PlanetScale database name, e.g. "app".');
    }
    if (!RESOURCE_NAME.test(value)) {
        return (0,parsed/* fail */.f)(input, `${(0,report_text/* show */.WU)(value)} is not a PlanetScale name: use letters, digits, "-" or "_" (at most 128 characters, starting with a letter or digit).`);
    }
    return { ok: true, value };
}
// ---------------------------------------------------------------------------------------------
// Accesses
/** Items separated by commas, spaces, tabs or newlines; empty items (trailing commas) dropped. */
function splitItems(text) {
    return text.split(/[\s,]+/).filter(Boolean);
}
// Not core.getMultilineInput: items are also separated by commas and spaces, and a lone CR ends a
// line too, so the text is split here.
function lines(text) {
    return text.split(/\r\n|\r|\n/);
}
/** Databases one run may grant on: each is one grant call on the minting token's shared rate limit. */
const MAX_DATABASES = 100;
/** An access name in PlanetScale's spelling; a notice in `notices` when it was written otherwise. */
function takeAccess(input, written, notices) {
    const { access, note } = normalizeAccess(written);
    if (note)
        notices.push((0,parsed/* formatInputError */.i)({ input, message: note }));
    return access;
}
/** accessProblem, with the notice of a name passed on to PlanetScale naming the input it came from. */
function checkAccess(input, access, level, notices) {
    const passedOn = [];
    const problem = accessProblem(access, level, passedOn);
    for (const message of passedOn)
        notices.push((0,parsed/* formatInputError */.i)({ input, message }));
    return problem;
}
const DATABASE_LINE = /^\s*([^\s,:]+)\s*:(.*)$/;
// A pasted blob could hold thousands of bad items: checking stops after this many problems in one
// input, so the log gets a readable list instead of a flood (and the check stays fast).
const MAX_PROBLEMS_PER_INPUT = 10;
const moreProblems = (input) => ({
    input,
    message: `has more problems than the ${MAX_PROBLEMS_PER_INPUT} above; checking stopped there. Fix these and run again.`,
});
/**
 * `accesses`: bare items apply to `database`; a line `DB: perm, perm` grants on DB. The same
 * database on several lines, and repeated accesses, are merged.
 */
function parseDatabaseAccesses(text, database, notices = []) {
    const errors = [];
    const byDatabase = new Map();
    const add = (db, access) => {
        const set = byDatabase.get(db) ?? new Set();
        set.add(access);
        byDatabase.set(db, set);
    };
    let reportedMissingDatabase = false;
    let stopped = false;
    scan: for (const line of lines(text)) {
        if (!line.trim())
            continue;
        if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
            stopped = true;
            break;
        }
        const prefixed = DATABASE_LINE.exec(line);
        const db = prefixed ? prefixed[1] : undefined;
        const items = splitItems(prefixed ? prefixed[2] : line);
        if (db !== undefined) {
            const name = parseResourceName('accesses', db);
            if (!name.ok) {
                errors.push({
                    input: 'accesses',
                    message: `database ${(0,report_text/* show */.WU)(db)} in line ${(0,report_text/* show */.WU)(line.trim())} is not a PlanetScale name: use letters, digits, "-" or "_".`,
                });
                continue;
            }
            if (items.length === 0) {
                errors.push({
                    input: 'accesses',
                    message: `line ${(0,report_text/* show */.WU)(line.trim())} names database ${(0,report_text/* show */.WU)(db)} but no accesses: write e.g. "${db}: read_branch, create_branch".`,
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
                    message: `${(0,report_text/* show */.WU)(item)}: a "DB:" prefix must start its own line, e.g. "app: read_branch" on one line and "analytics: connect_branch" on the next.`,
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
                        message: `${(0,report_text/* show */.WU)(item)} has no database: set the database input, or write the line as "DB: ${item}".`,
                    });
                    reportedMissingDatabase = true;
                }
                continue;
            }
            add(target, item);
        }
    }
    if (stopped)
        errors.push(moreProblems('accesses'));
    if (byDatabase.size > MAX_DATABASES) {
        errors.push({
            input: 'accesses',
            message: `names ${byDatabase.size} databases; one run grants on at most ${MAX_DATABASES}: each database is an API call, paid from ` +
                "the minting token's rate limit, which every job using that token shares. Split the databases across jobs, each minting its own token.",
        });
    }
    if (errors.length > 0)
        return { ok: false, errors };
    return {
        ok: true,
        value: [...byDatabase].map(([name, set]) => ({ resourceType: 'Database', resourceName: name, accesses: [...set] })),
    };
}
/** `org-accesses`: organization-level access names, separated like `accesses`; duplicates merged. */
function parseOrgAccesses(text, notices = []) {
    const errors = [];
    const accesses = new Set();
    for (const item of splitItems(text).map((written) => takeAccess('org-accesses', written, notices))) {
        if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
            errors.push(moreProblems('org-accesses'));
            break;
        }
        if (item.includes(':')) {
            errors.push({
                input: 'org-accesses',
                message: `${(0,report_text/* show */.WU)(item)}: org-accesses takes organization-level accesses only, with no "DB:" prefix; database accesses go in accesses.`,
            });
            continue;
        }
        const problem = checkAccess('org-accesses', item, 'organization', notices);
        if (problem)
            errors.push({ input: 'org-accesses', message: problem });
        else
            accesses.add(item);
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: [...accesses] };
}
// ---------------------------------------------------------------------------------------------
// TTL, name, booleans, URL
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
const TTL_HINT = 'use whole seconds ("900") or a number with unit s, m, h or d ("15m", "2h"), from 60 seconds to 7 days';
function parseTtl(value) {
    const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(value);
    if (!match)
        return (0,parsed/* fail */.f)('ttl', `${(0,report_text/* show */.WU)(value)} is not a duration: ${TTL_HINT}.`);
    const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()];
    if (seconds < MIN_TTL_SECONDS)
        return (0,parsed/* fail */.f)('ttl', `${(0,report_text/* show */.WU)(value)} is too short: ${TTL_HINT}.`);
    if (seconds > MAX_TTL_SECONDS)
        return (0,parsed/* fail */.f)('ttl', `${(0,report_text/* show */.WU)(value)} is too long: ${TTL_HINT}.`);
    return { ok: true, value: seconds };
}
function parseNamePrefix(value, run) {
    const prefix = value ? (0,token_name/* normalizeNamePrefix */.P8)(value) : (0,token_name/* defaultNamePrefix */.l0)(run);
    if (!prefix) {
        if (value)
            return (0,parsed/* fail */.f)('name', `${(0,report_text/* show */.WU)(value)} has no letters or digits: give a prefix such as "ci-migrate".`);
        return { ok: true, value: 'gha' };
    }
    return { ok: true, value: prefix };
}
// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them. Not
// getBooleanInput itself: it throws a TypeError at the first bad boolean, while the step reports
// every bad input at once, each as "Input <name>: what is wrong, what would be right".
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function parseBoolean(input, value) {
    if (TRUE.includes(value))
        return { ok: true, value: true };
    if (FALSE.includes(value))
        return { ok: true, value: false };
    return (0,parsed/* fail */.f)(input, `${(0,report_text/* show */.WU)(value)} is not a boolean: use true or false.`);
}


/***/ }),

/***/ 9400:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ parseBranch),
/* harmony export */   Vj: () => (/* binding */ parseCidrs),
/* harmony export */   cp: () => (/* binding */ parseUrlEnv),
/* harmony export */   fF: () => (/* binding */ parseRoles),
/* harmony export */   lx: () => (/* binding */ DEFAULT_ROLE)
/* harmony export */ });
/* unused harmony exports VITESS_ROLES, POSTGRES_ROLES */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parsed_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2344);
/* harmony import */ var _nearest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3915);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5655);
// The database-credential inputs: `branch`, `role`, `cidrs` and `database-url-env`. Pure, like
// the rest of inputs/. The database's kind (Vitess or Postgres) is PlanetScale's to say, so it
// is not known here: `role` values name their kind (the two sets share no name), and
// credentials/kind.ts checks them against the database before anything is created.




/** A branch password's role on Vitess (the spec's create_password `role` enum). */
const VITESS_ROLES = ['reader', 'writer', 'readwriter', 'admin'];
/** The roles a Postgres role may inherit (the spec's create_role `inherited_roles` enum). */
const POSTGRES_ROLES = [
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
const DEFAULT_ROLE = { mysql: ['admin'], postgresql: ['postgres'] };
/** As in config.ts: a pasted blob gets a readable list, not a flood. */
const MAX_PROBLEMS = 10;
const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** `branch`: a branch of the `database` input, on which the credential is minted. */
function parseBranch(value, database) {
    if (!BRANCH_NAME.test(value)) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('branch', `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} is not a PlanetScale branch name: use letters, digits, "-" or "_" (at most 128 characters, starting with a letter or digit).`);
    }
    if (!database) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('branch', `needs the database input: the branch ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} is a branch of which database? Set database as well.`);
    }
    return { ok: true, value };
}
/** `role`: one Vitess role, or one or more Postgres roles to inherit; never a mix. */
function parseRoles(text) {
    const roles = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
    if (roles.length === 0)
        return { ok: true, value: { roles } };
    const errors = [];
    for (const role of roles) {
        if (errors.length === MAX_PROBLEMS) {
            errors.push({
                input: 'role',
                message: `has more problems than the ${MAX_PROBLEMS} above; checking stopped there. Fix these and run again.`,
            });
            break;
        }
        if (VITESS_ROLES.includes(role) || POSTGRES_ROLES.includes(role))
            continue;
        const meant = (0,_nearest_js__WEBPACK_IMPORTED_MODULE_3__/* .nearest */ .p)(role, [...VITESS_ROLES, ...POSTGRES_ROLES]);
        errors.push({
            input: 'role',
            message: `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(role)} is not a role PlanetScale knows${meant ? `; did you mean ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(meant)}?` : '.'} ` +
                `On a Vitess database use one of ${VITESS_ROLES.join(', ')}; on Postgres, roles to inherit such as pg_read_all_data, pg_write_all_data or postgres.`,
        });
    }
    if (errors.length > 0)
        return { ok: false, errors };
    const vitess = roles.filter((role) => VITESS_ROLES.includes(role));
    if (vitess.length > 0 && vitess.length < roles.length) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('role', `mixes a Vitess role (${vitess.join(', ')}) with Postgres roles (${roles.filter((r) => !vitess.includes(r)).join(', ')}): a database is one or the other.`);
    }
    if (vitess.length > 1) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('role', `gives ${vitess.length} Vitess roles (${vitess.join(', ')}): a branch password has one; readwriter reads and writes.`);
    }
    return { ok: true, value: { roles, kind: vitess.length > 0 ? 'mysql' : 'postgresql' } };
}
/** `cidrs`: addresses or CIDR ranges, IPv4 or IPv6, that may use the password. */
function parseCidrs(text) {
    const cidrs = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
    const errors = [];
    for (const cidr of cidrs) {
        const problem = cidrProblem(cidr);
        if (problem)
            errors.push({ input: 'cidrs', message: problem });
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
function cidrProblem(cidr) {
    const [address = '', prefix, ...rest] = cidr.split('/');
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    const hint = 'give an address or a CIDR range, e.g. "203.0.113.7", "203.0.113.0/24" or "2001:db8::/32"';
    if (family === 0 || rest.length > 0)
        return `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(cidr)} is not an IP address or CIDR range: ${hint}.`;
    if (prefix === undefined)
        return undefined;
    const bits = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
        return `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(cidr)} has a prefix length that is not 0 to ${bits}: ${hint}.`;
    }
    return undefined;
}
/** Variables the URL may not be exported as: the runner's, the action's own, and those that change how later steps run. */
const RESERVED_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'PLANETSCALE_'];
const RESERVED_NAMES = ['PATH', 'HOME', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'BASH_ENV', 'ENV', 'CI'];
/** `database-url-env`: the name of the variable later steps get the URL in; "" for none. */
function parseUrlEnv(value) {
    if (value === '')
        return { ok: true, value };
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('database-url-env', `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} is not an environment variable name: use letters, digits and "_", e.g. DATABASE_URL.`);
    }
    const upper = value.toUpperCase();
    if (RESERVED_NAMES.includes(upper) || RESERVED_PREFIXES.some((prefix) => upper.startsWith(prefix))) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .f)('database-url-env', `${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} is a variable the runner, this action or Node relies on: choose another name, e.g. DATABASE_URL (or "" to export none).`);
    }
    return { ok: true, value };
}


/***/ }),

/***/ 2935:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ replacedByExportEnv),
/* harmony export */   n: () => (/* binding */ parseCredential)
/* harmony export */ });
/* harmony import */ var _parsed_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2344);
// The minting token: a service token pair (inputs, or pscale's env variables) or an OAuth
// access token. Used by main to mint and by post to delete, so it lives apart from the other inputs.

const SECRETS_HINT = 'Store the minting token as repository or environment secrets and pass them in with ' +
    '`minting-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and ' +
    '`minting-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}`.';
/** Why the secrets may be empty: this run's reason when the event tells it, else the usual ones. */
function secretsHint(withheld) {
    switch (withheld) {
        case 'fork':
            return `${SECRETS_HINT} This run is a pull request from a fork: GitHub passes no secrets to it, so it cannot mint. Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository).`;
        case 'dependabot':
            return `${SECRETS_HINT} This run was triggered by Dependabot, which sees only Dependabot secrets: add the minting token there too (Settings > Secrets and variables > Dependabot), or skip this step for Dependabot.`;
        case undefined:
            return `${SECRETS_HINT} Note that secrets are not passed to workflows triggered from forks, and Dependabot runs only see Dependabot secrets: such runs get empty values.`;
    }
}
/** Why a credential value cannot go into an Authorization header, if it cannot. Never quotes it. */
function credentialProblem(value) {
    if (/[\r\n]/.test(value))
        return "contains a line break; a credential is a single line: check the secret's value";
    if (!/^[\x21-\x7e]+$/.test(value)) {
        return "contains spaces, control or non-ASCII characters, which no PlanetScale credential has: check the secret's value";
    }
    return undefined;
}
/** `withheld`: why this run's secrets may be empty, when the event says (runner/run-context.ts). */
function parseCredential(read, env, withheld) {
    const id = read('minting-token-id');
    const token = read('minting-token');
    const apiToken = read('api-token');
    if (apiToken && (id || token)) {
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .f)('api-token', 'is set together with minting-token-id/minting-token: give one minting token, not both.');
    }
    if (apiToken) {
        const problem = credentialProblem(apiToken);
        return problem ? (0,_parsed_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .f)('api-token', problem) : { ok: true, value: { kind: 'api-token', token: apiToken, source: 'input' } };
    }
    if (id || token)
        return servicePair(id, token, 'input', 'minting-token-id', 'minting-token', withheld);
    // Both inputs empty: fall back to the variables pscale itself reads.
    const envId = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    const envToken = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
    if (envId || envToken) {
        return servicePair(envId, envToken, 'env', 'PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN', withheld);
    }
    return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .f)('minting-token', 'no minting token: minting-token-id, minting-token and api-token are empty, and so are env ' +
        `PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN. ${secretsHint(withheld)}`);
}
function servicePair(id, token, source, idName, tokenName, withheld) {
    if (!id)
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .f)(idName, `is empty while ${tokenName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
    if (!token)
        return (0,_parsed_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .f)(tokenName, `is empty while ${idName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
    const errors = [];
    const idProblem = credentialProblem(id);
    if (idProblem)
        errors.push({ input: idName, message: idProblem });
    const tokenProblem = credentialProblem(token);
    if (tokenProblem)
        errors.push({ input: tokenName, message: tokenProblem });
    if (errors.length > 0)
        return { ok: false, errors };
    return { ok: true, value: { kind: 'service-token', id, token, source } };
}
/**
 * Whether export-env takes the minting token away from post: it came from env
 * PLANETSCALE_SERVICE_TOKEN(_ID), or from inputs holding the same values (`${{ env.… }}`), and
 * post sees those variables, and inputs evaluated again, with the minted token in them. Only
 * then does main keep a sealed copy in state (state/seal.ts).
 */
function replacedByExportEnv(credential, env) {
    if (credential.source === 'env')
        return true;
    const id = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    const token = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
    return (token !== '' && credential.token === token) || (id !== '' && credential.kind === 'service-token' && credential.id === id);
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ nearest)
/* harmony export */ });
// "Did you mean": the candidate closest to a mistyped name, by edit distance.
/** The candidate closest to `name`, if it is plausibly a typo of it (at most a third of the name, and at least 2, apart). */
function nearest(name, candidates) {
    let best;
    let bestDistance = Infinity;
    const limit = Math.max(2, Math.floor(name.length / 3));
    for (const candidate of candidates) {
        // The distance is at least the difference in length: skip what cannot qualify (a huge input).
        if (Math.abs(name.length - candidate.length) > limit)
            continue;
        const d = editDistance(name, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    // Beyond a third of the name it is a different word, and a suggestion would mislead.
    return bestDistance <= limit ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}


/***/ }),

/***/ 2344:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ fail),
/* harmony export */   i: () => (/* binding */ formatInputError)
/* harmony export */ });
// The result of reading an input: a value, or errors that say which input, what is wrong and
// what would be right. Shared by every parser; no I/O.
/** How an error reads in the log: which input, what is wrong, what would be right. */
function formatInputError(e) {
    return `Input "${e.input}": ${e.message}`;
}
const fail = (input, message) => ({ ok: false, errors: [{ input, message }] });


/***/ }),

/***/ 8185:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 5 modules
var core = __nccwpck_require__(5049);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/context.js


class Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0,external_fs_.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0,external_fs_.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${external_os_.EOL}`);
            }
        }
        this.eventName = process.env.GITHUB_EVENT_NAME;
        this.sha = process.env.GITHUB_SHA;
        this.ref = process.env.GITHUB_REF;
        this.workflow = process.env.GITHUB_WORKFLOW;
        this.action = process.env.GITHUB_ACTION;
        this.actor = process.env.GITHUB_ACTOR;
        this.job = process.env.GITHUB_JOB;
        this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
        this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
        this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
        this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
        this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
        this.graphqlUrl =
            (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
    }
    get issue() {
        const payload = this.payload;
        return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
    }
    get repo() {
        if (process.env.GITHUB_REPOSITORY) {
            const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
            return { owner, repo };
        }
        if (this.payload.repository) {
            return {
                owner: this.payload.repository.owner.login,
                repo: this.payload.repository.name
            };
        }
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    }
}
//# sourceMappingURL=context.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/github.js


const context = new Context();
/**
 * Returns a hydrated octokit ready to use for GitHub Actions
 *
 * @param     token    the repo PAT or GITHUB_TOKEN
 * @param     options  other options to set
 */
function getOctokit(token, options, ...additionalPlugins) {
    const GitHubWithPlugins = GitHub.plugin(...additionalPlugins);
    return new GitHubWithPlugins(getOctokitOptions(token, options));
}
//# sourceMappingURL=github.js.map
// EXTERNAL MODULE: ./src/runner/log.ts + 1 modules
var log = __nccwpck_require__(3595);
// EXTERNAL MODULE: ./src/steps/env-handover.ts
var env_handover = __nccwpck_require__(8354);
// EXTERNAL MODULE: ./src/inputs/config.ts + 2 modules
var inputs_config = __nccwpck_require__(89);
// EXTERNAL MODULE: ./src/inputs/action-inputs.ts
var action_inputs = __nccwpck_require__(6441);
// EXTERNAL MODULE: ./src/inputs/parsed.ts
var inputs_parsed = __nccwpck_require__(2344);
;// CONCATENATED MODULE: ./src/runner/read-input.ts
// How the steps read an input: core.getInput, trimmed. Asked for explicitly: core trims by
// default, but @github/local-action's stand-in for core trims only when told to.

const readInput = (name) => core/* getInput */.V4(name, { trimWhitespace: true });

// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __nccwpck_require__(7469);
;// CONCATENATED MODULE: ./src/runner/run-context.ts
// What the action needs to know about the workflow run, from @actions/github's `context`
// (https://github.com/actions/toolkit/tree/main/packages/github): the run's identity for the
// default token name and the summary, and the event for guidance. runInfoFrom is pure; the
// context itself is read once, in main (post never needs it).
/** A run nothing is known of (tests, or outside a runner). */
const UNKNOWN_RUN = { repository: '', runId: '', runAttempt: '', job: '', runUrl: '', eventName: '' };
const DEPENDABOT = 'dependabot[bot]';
/** Our view of the run from @actions/github's context. Pure (context.repo reads only env and the payload). */
function runInfoFrom(context) {
    let repository = '';
    try {
        const { owner, repo } = context.repo;
        repository = `${owner}/${repo}`;
    }
    catch {
        // No GITHUB_REPOSITORY and no repository in the payload: a name without it is still unique.
    }
    const number = (n) => (Number.isFinite(n) ? String(n) : '');
    const runId = number(context.runId);
    const runAttempt = number(context.runAttempt);
    const runUrl = repository && runId ? `${context.serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}` : '';
    const info = { repository, runId, runAttempt, job: context.job ?? '', runUrl, eventName: context.eventName ?? '' };
    const withheld = secretsWithheld(context);
    return withheld ? { ...info, secretsWithheld: withheld } : info;
}
/**
 * Runs that get the repository's secrets empty: Dependabot's see only Dependabot secrets, and a
 * pull_request from a fork sees none.
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow
 * https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions
 */
function secretsWithheld(context) {
    if (context.actor === DEPENDABOT)
        return 'dependabot';
    if (context.eventName !== 'pull_request')
        return undefined;
    const pr = context.payload.pull_request;
    const head = pr?.head?.repo;
    const base = context.payload.repository?.full_name;
    if (head === null)
        return 'fork'; // the fork was deleted since
    if (head?.fork === true || (head?.full_name && base && head.full_name !== base))
        return 'fork';
    return undefined;
}
/**
 * Events that run with the base repository's secrets while a pull request's code may be around:
 * a token minted there must never reach that code.
 * https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
 */
function untrustedEventWarning(eventName) {
    if (eventName !== 'pull_request_target' && eventName !== 'workflow_run')
        return undefined;
    return (`This job runs on ${eventName}, with the repository's secrets, where a pull request's code may be checked out. ` +
        'The minted token must not reach that code: do not run it (builds, tests, scripts) in this job after this step, ' +
        'or give the token only the accesses such code could be trusted with.');
}

;// CONCATENATED MODULE: ./src/steps/main/mint.ts
// The main step: mask the credential inputs, read and check all inputs, then mint (mint-token.ts).
// That part, and undici with it, is loaded only for valid inputs: a run refused for bad input
// loads no HTTP code.









/** Runs the main step; resolves to the process exit code. `cancel` aborts with the signal's name. */
async function mint(run, env = process.env, cancel) {
    const started = Date.now();
    let cancelledAt = Date.now();
    cancel?.addEventListener('abort', () => (cancelledAt = Date.now()), { once: true });
    claimState();
    maskCredentialInputs(env);
    const parsed = (0,inputs_config/* parseInputs */.TL)(readInput, env, run, { envFromEarlierUse: (0,env_handover/* exportedByEarlierUse */.K8)(env) });
    if (!parsed.ok) {
        for (const e of parsed.errors)
            core/* error */.z3((0,inputs_parsed/* formatInputError */.i)(e), { title: `Input ${e.input}` });
        return 1;
    }
    const config = parsed.value;
    for (const notice of config.notices)
        core/* notice */.lm(notice);
    const earlierUse = (0,env_handover/* mintedByEarlierUse */.mN)(config.credential, env);
    if (earlierUse) {
        core/* error */.z3(earlierUse);
        return 1;
    }
    const untrusted = untrustedEventWarning(run.eventName);
    if (untrusted)
        core/* warning */.$e(untrusted, { title: `Token minted in ${run.eventName}` });
    const { mintToken } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(152)]).then(__nccwpck_require__.bind(__nccwpck_require__, 152));
    return mintToken(config, run, env, { started, cancel, cancelledAt: () => cancelledAt });
}
/**
 * Every key post reads is written, empty, before anything else. The runner passes post only the
 * keys main saved, as STATE_* on top of the job's env, and that env takes what any step writes to
 * GITHUB_ENV: a key main never wrote could come from there, and steer post.
 */
function claimState() {
    for (const key of Object.values(keys/* STATE */.c))
        core/* saveState */.LZ(key, '');
}
/**
 * Inputs that hold credentials are masked before anything else is printed, even before they
 * are validated: a malformed credential is still a secret.
 */
function maskCredentialInputs(env) {
    // The renamed inputs too: a workflow still giving them passes the minting token in them.
    for (const input of ['minting-token-id', 'minting-token', 'api-token', ...Object.keys(action_inputs/* RENAMED_INPUTS */.PG)])
        log/* setSecret */.Pq(readInput(input));
    for (const variable of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN'])
        log/* setSecret */.Pq((env[variable] ?? '').trim());
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __nccwpck_require__(5655);
;// CONCATENATED MODULE: ./src/main.ts
// The main step's run() (runs.main, through src/index.ts; also what @github/local-action calls).
// The step's logic is in steps/main/mint.ts.
//
// Cancellation: the runner sends SIGINT (job cancelled, step timeout), then SIGTERM 7.5 s later,
// then kills 2.5 s after that. Either signal aborts what is in flight; mint then deletes the
// token if one exists and the step fails.






async function run() {
    const cancel = new AbortController();
    const onSignal = (signal) => {
        if (cancel.signal.aborted)
            return (0,log/* info */.pq)(`Received ${signal}: still cleaning up.`);
        (0,log/* info */.pq)(`Received ${signal}: the job is being cancelled; stopping, and deleting the token if one exists.`);
        cancel.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        // mint reports its own failures (one error per problem); only the exit code is left to set.
        if ((await mint(runInfoFrom(context), process.env, cancel.signal)) !== 0)
            process.exitCode = core/* ExitCode */.yU.Failure;
    }
    catch (e) {
        core/* setFailed */.C1(`Unexpected failure: ${(0,report_text/* errorMessage */.gJ)(e)}`);
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   YY: () => (/* binding */ formatTtl),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * A value from the workflow or the API, shown inside a message: quoted and JSON-escaped, so a
 * newline in it cannot start a line of its own, and cut short only when huge (`limit` is above
 * the 63 characters of a token name, so a name is always shown whole).
 */
function show(value, limit = 100) {
    const clipped = value.length > limit ? `${value.slice(0, limit - 3)}...` : value;
    return JSON.stringify(clipped);
}
/** What an error says, for a message: never empty (an Error without a message gives its name). */
function errorMessage(error) {
    return (error instanceof Error ? error.message || error.name : String(error)) || 'unknown error';
}
/** A TTL as the inputs take it: `1h`, `90m`, `45s`. */
function formatTtl(seconds) {
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
    ]) {
        if (seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}


/***/ }),

/***/ 3595:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  pq: () => (/* binding */ info),
  Pq: () => (/* binding */ setSecret)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 5 modules
var core = __nccwpck_require__(5049);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./src/runner/log.ts
// The two protections @actions/core does not give, as a thin layer over it: everything else goes
// to core directly (https://github.com/actions/toolkit/tree/main/packages/core).

// node:crypto is loaded on first use, as in token/name.ts: a step that prints nothing risky
// need not load it.
const randomUUID = () => process.getBuiltinModule('node:crypto').randomUUID();
/**
 * A plain log line (core.info). The runner reads a line as a command when it starts with `::`
 * (after white space) or holds `##[` (the old syntax); text that could do either is printed
 * between ::stop-commands:: markers, so names and API messages we print can never issue a
 * command. Any `::` counts, wherever it is: the runner also ends a line at a lone CR, and trims
 * white space .NET's way (U+0085 included), so "starts a line" is not something to decide here.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#stopping-and-starting-workflow-commands
 */
function info(message) {
    if (!message.includes('::') && !message.includes('##[')) {
        core/* info */.pq(message);
        return;
    }
    const token = randomUUID();
    core/* info */.pq(`::stop-commands::${token}`);
    core/* info */.pq(message);
    core/* info */.pq(`::${token}::`);
}
/** core.setSecret, except for an empty value: the runner warns about a blank mask, and it masks nothing. */
function setSecret(value) {
    if (value)
        core/* setSecret */.Pq(value);
}
/**
 * Appends to the job summary. The summary is a report, not the job's result: a summary file that
 * cannot be written (none outside a runner) is a warning, never a failed step after a mint.
 */
async function appendSummary(markdown) {
    try {
        await summary.addRaw(markdown, !markdown.endsWith('\n')).write();
    }
    catch (e) {
        summary.emptyBuffer();
        core/* warning */.$e(`Could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
    }
}


/***/ }),

/***/ 7469:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
// The GITHUB_STATE keys main writes for post. Apart from seal.ts (which seals the minting
// credential with node:crypto) so that post can read its state without loading crypto.
const STATE = {
    /** The full name of the token main is creating (written before the create call). */
    name: 'token-name',
    /** The minted token's ID (written as soon as the create call answers). */
    id: 'token-id',
    expiresAt: 'expires-at',
    org: 'org',
    apiUrl: 'api-url',
    cleanup: 'cleanup',
    /** The minting token, sealed; see sealCredential in seal.ts. */
    sealedCredential: 'minting-credential',
    /** The values of the variables main exported, as they were before, sealed; post puts them back (steps/env-handover.ts). */
    envBefore: 'env-before',
    /** "true" once main knows no token of its is alive: it deleted it, or the create call surely failed. */
    settled: 'settled',
    /** "true" from just before the first create call: only then can a token of ours exist. */
    createAttempted: 'create-attempted',
    /**
     * "true" when a create call may have made a token main never learnt of (an answer lost, a
     * timeout, a cancellation in flight): such a call can still be carried out after main looked,
     * so post looks for tokens with our name again, whatever else happened.
     */
    lookUpByName: 'look-up-by-name',
    /** The proxy variables main ran with (proxy-settings.ts), which post uses; absent when none was set. */
    proxy: 'proxy',
    /** NODE_EXTRA_CA_CERTS as main ran with it: post trusts no other CA (steps/post/trust.ts). */
    extraCaCerts: 'extra-ca-certs',
    /**
     * The database credential main is creating, as JSON (credentials/state.ts): its kind, branch,
     * name and, for a role, the successor. Written before the create call.
     */
    credential: 'credential',
    /** The credential's ID (written as soon as the create call answers). */
    credentialId: 'credential-id',
    /** "true" once main knows no credential of its is alive: it deleted it, or the create surely failed. */
    credentialSettled: 'credential-settled',
    /** The names the sweep deletes when expired (token/sweep-names.ts); absent when sweep-expired is off. */
    sweep: 'sweep',
};


/***/ }),

/***/ 8354:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K8: () => (/* binding */ exportedByEarlierUse),
/* harmony export */   bs: () => (/* binding */ MINTED_MARKER),
/* harmony export */   cc: () => (/* binding */ mintedMarker),
/* harmony export */   mN: () => (/* binding */ mintedByEarlierUse),
/* harmony export */   wP: () => (/* binding */ valuesBefore)
/* harmony export */ });
/* unused harmony export stillOurs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Two uses of the action in one job. With export-env, a use replaces PLANETSCALE_SERVICE_TOKEN(_ID)
// for every later step, so a later use reading its minting token from env would take the
// token just minted: it is recognised by a marker and refused before any call. Each use's post
// puts back the values the variables had before its main exported them, so that the post of an
// earlier use (posts run last-first) finds its own minted secret there and can open the minting
// credential it sealed.

/** Exported with the minted token: not secret (a truncated hash of its ID), only recognisable. */
const MINTED_MARKER = 'PLANETSCALE_TOKEN_ACTION_MINTED';
function mintedMarker(tokenId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update('planetscale-token-action/minted\0').update(tokenId).digest('hex').slice(0, 32);
}
/**
 * Whether env holds what an earlier use of this action in this job exported: the marker is that
 * of the token ID env holds. Then its PLANETSCALE_ORG is that use's organization, which may have
 * come from its org input, so it is no setting of the user's for this use.
 */
function exportedByEarlierUse(env) {
    const id = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    return Boolean(id) && env[MINTED_MARKER] === mintedMarker(id);
}
/** Why `credential` may not mint, when it is the token an earlier use of this action minted and exported. */
function mintedByEarlierUse(credential, env) {
    const marker = env[MINTED_MARKER] ?? '';
    if (credential.kind !== 'service-token' || !marker || marker !== mintedMarker(credential.id))
        return undefined;
    const from = credential.source === 'env' ? 'env PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN' : 'minting-token-id / minting-token';
    return (`The minting token (${from}) is the token an earlier use of this action in this job minted and exported, ` +
        'not your minting token; it could not delete what it mints. Pass the minting token through inputs, from secrets: ' +
        '`minting-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and `minting-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}` ' +
        '(or set export-env: false on the earlier use). Nothing was minted.');
}
/** The values `names` have now ("" for unset), to be put back by post. */
function valuesBefore(names, env) {
    return Object.fromEntries(names.map((name) => [name, env[name] ?? '']));
}
/**
 * Whether post should put the variables back: only while env still holds what this use
 * exported. Otherwise a step after it set them on purpose, and that is left alone.
 */
function stillOurs(env, mintedId) {
    return Boolean(mintedId) && (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim() === mintedId && exportedByEarlierUse(env);
}


/***/ }),

/***/ 8434:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ normalizeNamePrefix),
/* harmony export */   es: () => (/* binding */ defaultNameStem),
/* harmony export */   l0: () => (/* binding */ defaultNamePrefix),
/* harmony export */   vb: () => (/* binding */ tokenName)
/* harmony export */ });
/* unused harmony exports MAX_NAME_LENGTH, SUFFIX_PATTERN, MAX_PREFIX_LENGTH, randomSuffix */
// The minted token's name: a prefix (the `name` input, or one built from the workflow run) plus
// a random suffix. The suffix makes the name ours alone, so a token can be found by name even
// when its ID was never learnt (a create whose response was lost).
// node:crypto is loaded when a name is made (main), not when this module is imported: post
// imports SUFFIX_PATTERN (for the sweep) and need not pay for loading crypto.
const randomInt = (max) => process.getBuiltinModule('node:crypto').randomInt(max);
const MAX_NAME_LENGTH = 63;
const SUFFIX_LENGTH = 6;
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The random suffix, as a regular expression source. */
const SUFFIX_PATTERN = (/* unused pure expression or super */ null && (`[${SUFFIX_ALPHABET.replace('abcdefghijklmnopqrstuvwxyz', 'a-z').replace('0123456789', '0-9')}]{${SUFFIX_LENGTH}}`));
/** Room left for the prefix once `-` and the suffix are appended. */
const MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1 - SUFFIX_LENGTH;
/** Lowercase letters, digits and single `-`, no `-` at either end. */
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function clip(text, length) {
    return text.slice(0, length).replace(/-+$/, '');
}
/** The `name` input made fit for a token name; empty when nothing usable is left. */
function normalizeNamePrefix(raw) {
    return clip(slug(raw), MAX_PREFIX_LENGTH);
}
/** `shop` from acme/shop; long names clipped so that the run id and job still fit. */
function repositoryPart(repository) {
    return clip(slug(repository.split('/').pop() ?? ''), 20);
}
/**
 * What every default name minted for this repository starts with: `gha-shop-`. The sweep
 * (token/sweep.ts) deletes expired tokens whose names start so.
 */
function defaultNameStem(repository) {
    const part = repositoryPart(repository);
    return part ? `gha-${part}-` : 'gha-';
}
/** e.g. `gha-shop-9876543210-1-migrate` from the run (runner/run-context.ts). */
function defaultNamePrefix(run) {
    const parts = ['gha', repositoryPart(run.repository), run.runId, run.runAttempt, slug(run.job)];
    return clip(slug(parts.filter(Boolean).join('-')), MAX_PREFIX_LENGTH);
}
function randomSuffix() {
    let suffix = '';
    for (let i = 0; i < SUFFIX_LENGTH; i++)
        suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
    return suffix;
}
function tokenName(prefix, suffix = randomSuffix()) {
    return `${prefix}-${suffix}`;
}


/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 5049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  yU: () => (/* binding */ ExitCode),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  dN: () => (/* binding */ exportVariable),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: addPath, endGroup, getBooleanInput, getIDToken, getMultilineInput, getState, group, markdownSummary, platform, setCommandEcho, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
