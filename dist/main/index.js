import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 730:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _mint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(525);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(783);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(992);
// Entry point of the main step (runs.main). See mint.ts.
//
// Cancellation: the runner sends SIGINT (job cancelled, step timeout), then SIGTERM 7.5 s later,
// then kills 2.5 s after that. Either signal aborts what is in flight; mint then deletes the
// token if one exists and the step fails.



const cancel = new AbortController();
const onSignal = (signal) => {
    if (cancel.signal.aborted)
        return (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`Received ${signal}: still cleaning up.`);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`Received ${signal}: the job is being cancelled; stopping, and deleting the token if one exists.`);
    cancel.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.exitCode = await (0,_mint_js__WEBPACK_IMPORTED_MODULE_0__/* .mint */ .Xx)(process.env, cancel.signal).catch((e) => {
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`Unexpected failure: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(e)}`);
    return 1;
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 525:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Xx: () => (/* binding */ mint)
});

// UNUSED EXPORTS: MAIN_DEADLINE_MS, envForLaterSteps, formatTtl

// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(992);
;// CONCATENATED MODULE: ./src/planetscale/errors.ts
// What can go wrong talking to PlanetScale, as values the rest of the action can explain.
/** PlanetScale answered, with a status that is not success. */
class PlanetScaleApiError extends Error {
    name = 'PlanetScaleApiError';
    method;
    path;
    status;
    /** PlanetScale's `code` (e.g. "not_found"), when the body had one. */
    code;
    /** PlanetScale's `message`, trimmed and with credential-looking text redacted. */
    apiMessage;
    /** The wait the answer's Retry-After header asked for, in ms. */
    retryAfterMs;
    /** How many calls were made before giving up (set by the client). */
    attempts = 1;
    constructor(method, path, status, code, apiMessage, retryAfterMs) {
        super(`${method} ${path}: HTTP ${status}${code ? ` (${code})` : ''}${apiMessage ? `: ${apiMessage}` : ''}`);
        this.method = method;
        this.path = path;
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.retryAfterMs = retryAfterMs;
    }
}
/** No answer: connection refused or reset, DNS, timeout, or an answer we refuse (a redirect). */
class PlanetScaleNetworkError extends Error {
    name = 'PlanetScaleNetworkError';
    method;
    url;
    reason;
    /** The system error code (ECONNREFUSED, ECONNRESET, …), when there was one. */
    code;
    /** False for what a retry cannot fix: a refused redirect, a cancelled job. */
    retryable;
    /** How many calls were made before giving up (set by the client). */
    attempts = 1;
    constructor(method, url, reason, options = {}) {
        super(`${method} ${url}: ${reason}`);
        this.method = method;
        this.url = url;
        this.reason = reason || 'unknown error';
        this.code = options.code;
        this.retryable = options.retryable ?? true;
    }
}
/** PlanetScale answered success with a body we cannot use. */
class PlanetScaleResponseError extends Error {
    name = 'PlanetScaleResponseError';
    /** The ID of a token the malformed answer did name, so that it can still be deleted. */
    tokenId;
    constructor(message, tokenId) {
        super(message);
        this.tokenId = tokenId;
    }
}
const MAX_MESSAGE_LENGTH = 300;
/**
 * Text from an API body, safe to show: one line, at most 300 characters, with anything shaped
 * like a PlanetScale token secret and any of `knownSecrets` replaced by ***.
 */
function redact(text, knownSecrets = []) {
    let safe = text.replace(/pscale_[a-z]+_[A-Za-z0-9_-]+/g, '***');
    for (const secret of knownSecrets)
        if (secret)
            safe = safe.split(secret).join('***');
    safe = safe.replace(/\s+/g, ' ').trim();
    return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : safe;
}

;// CONCATENATED MODULE: ./src/explain.ts
// Turning a failed API call into a message that says what happened and what to do. PlanetScale
// answers 404 for a missing permission, so a 404 names both causes: the thing does not exist, or
// the minting credential may not touch it.


function describe(op) {
    switch (op.kind) {
        case 'create':
            return `creating a service token in organization ${(0,src_text/* show */.W)(op.org)}`;
        case 'grant':
            return `granting ${op.request.accesses.join(', ')} on ${resource(op.request)}`;
        case 'delete':
            return `deleting service token ${(0,src_text/* show */.W)(op.tokenName)}`;
    }
}
function resource(request) {
    return request.resourceType === 'Organization'
        ? `organization ${(0,src_text/* show */.W)(request.resourceName)}`
        : `database ${(0,src_text/* show */.W)(request.resourceName)}`;
}
function notFoundAdvice(op) {
    switch (op.kind) {
        case 'create':
            return `the organization does not exist, or the minting credential lacks write_service_tokens on it (PlanetScale answers 404 for a missing permission).`;
        case 'grant':
            return (`${op.request.resourceType === 'Organization' ? 'the minting credential' : `the database does not exist, or the minting credential`} ` +
                `does not itself hold ${op.request.accesses.join(', ')} on ${resource(op.request)}: a token can only delegate ` +
                `accesses it holds (PlanetScale answers 404 for a missing permission). Grant them to the minting token, or ask for fewer.`);
        case 'delete':
            return `the minting credential lacks delete_service_tokens (PlanetScale answers 404 for a missing permission).`;
    }
}
/** ", after 5 attempts" when the call was retried. */
function attempts(error) {
    return error.attempts > 1 ? `, after ${error.attempts} attempts` : '';
}
function explain(error, op) {
    const what = describe(op);
    if (error instanceof PlanetScaleApiError) {
        const status = `HTTP ${error.status}${error.code ? `, code ${(0,src_text/* show */.W)(error.code)}` : ''}`;
        // apiMessage is already redacted and cut to 300 characters: shown whole.
        const detail = error.apiMessage ? ` PlanetScale says: ${(0,src_text/* show */.W)(error.apiMessage, Infinity)}.` : '';
        if (error.status === 401) {
            return (`PlanetScale rejected the minting credential (${status}) while ${what}: the service token ID/secret or ` +
                `api-token is wrong, expired or deleted. Check the secrets the workflow passes, or create a new minting token.`);
        }
        if (error.status === 403 || error.status === 404) {
            return `PlanetScale refused ${what} (${status}): ${notFoundAdvice(op)}`;
        }
        if (error.status === 422) {
            return `PlanetScale refused ${what} as invalid (${status}).${detail}`;
        }
        return `PlanetScale failed ${what} (${status}${attempts(error)}).${detail}`;
    }
    if (error instanceof PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${what}${attempts(error)}: ${error.reason}.`;
    }
    return `Failed ${what}: ${(0,src_text/* errorMessage */.g)(error)}.`;
}

;// CONCATENATED MODULE: ./src/grants.ts
// Comparing what PlanetScale reports granted with what the job asked for, and shaping it for
// the `accesses` output. Pure functions.
function groupGranted(records) {
    const byResource = new Map();
    for (const { resourceType, resourceName, access } of records) {
        const key = `${resourceType}\0${resourceName}`;
        const entry = byResource.get(key) ?? { resource_type: resourceType, resource_name: resourceName, accesses: [] };
        if (!entry.accesses.includes(access))
            entry.accesses.push(access);
        byResource.set(key, entry);
    }
    return [...byResource.values()];
}
function matches(request, record) {
    if (record.resourceType.toLowerCase() !== request.resourceType.toLowerCase())
        return false;
    // The name of an organization-level record is unverified; the token lives in one organization,
    // so its type is enough there.
    return request.resourceType === 'Organization' || record.resourceName === request.resourceName;
}
function checkGrants(asked, granted) {
    const missing = asked.flatMap((request) => {
        const absent = request.accesses.filter((access) => !granted.some((g) => g.access === access && matches(request, g)));
        return absent.length > 0 ? [{ ...request, accesses: absent }] : [];
    });
    const unexpected = granted.filter((g) => !asked.some((request) => request.accesses.includes(g.access) && matches(request, g)));
    return { missing, unexpected };
}

;// CONCATENATED MODULE: ./src/accesses.ts
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
/** Why `access` cannot be granted at `level` (a sentence), or undefined when it can. */
function accessProblem(access, level) {
    const actual = levelOf(access);
    if (actual === level)
        return undefined;
    if (actual === 'organization') {
        return `${(0,src_text/* show */.W)(access)} is an organization-level access: list it in org-accesses, not accesses.`;
    }
    if (actual === 'database') {
        return `${(0,src_text/* show */.W)(access)} is a database-level access: list it in accesses (with database or a "DB:" line), not org-accesses.`;
    }
    const nearest = nearestAccess(access, level);
    const hint = nearest ? `; did you mean ${(0,src_text/* show */.W)(nearest)}?` : '.';
    return `${(0,src_text/* show */.W)(access)} is not a PlanetScale ${level}-level access${hint}`;
}
/** The catalogue name closest to `name` at `level` (edit distance), if it is plausibly a typo. */
function nearestAccess(name, level) {
    let best;
    let bestDistance = Infinity;
    const limit = Math.max(2, Math.floor(name.length / 3));
    for (const candidate of byLevel[level]) {
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

;// CONCATENATED MODULE: ./src/parsed.ts
// The result of reading an input: a value, or errors that say which input, what is wrong and
// what would be right. Shared by every parser; no I/O.
/** How an error reads in the log: which input, what is wrong, what would be right. */
function formatInputError(e) {
    return `Input "${e.input}": ${e.message}`;
}
const fail = (input, message) => ({ ok: false, errors: [{ input, message }] });

;// CONCATENATED MODULE: ./src/credentials.ts
// The minting credential: a service token pair (inputs, or pscale's env variables) or an OAuth
// access token. Used by main to mint and by post to delete, so it lives apart from the other inputs.

const SECRETS_HINT = 'Store the minting token as repository or environment secrets and pass them in with ' +
    '`service-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and ' +
    '`service-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}`. Note that secrets are not passed to ' +
    'workflows triggered from forks, and Dependabot runs only see Dependabot secrets: such runs get empty values.';
/** Why a credential value cannot go into an Authorization header, if it cannot. Never quotes it. */
function credentialProblem(value) {
    if (/[\r\n]/.test(value))
        return 'contains a line break; a credential is a single line: check the secret\'s value';
    if (!/^[\x21-\x7e]+$/.test(value)) {
        return 'contains spaces, control or non-ASCII characters, which no PlanetScale credential has: check the secret\'s value';
    }
    return undefined;
}
function parseCredential(read, env) {
    const id = read('service-token-id');
    const token = read('service-token');
    const apiToken = read('api-token');
    if (apiToken && (id || token)) {
        return fail('api-token', 'is set together with service-token-id/service-token: give one kind of minting credential, not both.');
    }
    if (apiToken) {
        const problem = credentialProblem(apiToken);
        return problem ? fail('api-token', problem) : { ok: true, value: { kind: 'api-token', token: apiToken, source: 'input' } };
    }
    if (id || token)
        return servicePair(id, token, 'input', 'service-token-id', 'service-token');
    // Both inputs empty: fall back to the variables pscale itself reads.
    const envId = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    const envToken = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
    if (envId || envToken) {
        return servicePair(envId, envToken, 'env', 'PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN');
    }
    return fail('service-token', 'no minting credential: service-token-id, service-token and api-token are empty, and so are env ' +
        `PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN. ${SECRETS_HINT}`);
}
function servicePair(id, token, source, idName, tokenName) {
    if (!id)
        return fail(idName, `is empty while ${tokenName} is set: give both halves of the minting service token. ${SECRETS_HINT}`);
    if (!token)
        return fail(tokenName, `is empty while ${idName} is set: give both halves of the minting service token. ${SECRETS_HINT}`);
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

;// CONCATENATED MODULE: ./src/token-name.ts
// The minted token's name: a prefix (the `name` input, or one built from the workflow run) plus
// a random suffix. The suffix makes the name ours alone, so a token can be found by name even
// when its ID was never learnt (a create whose response was lost).
// node:crypto is loaded when a name is made (main), not when this module is imported: post
// imports SUFFIX_PATTERN (for the sweep) and need not pay for crypto (~5 ms).
const randomInt = (max) => process.getBuiltinModule('node:crypto').randomInt(max);
const MAX_NAME_LENGTH = 63;
const SUFFIX_LENGTH = 6;
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The random suffix, as a regular expression source. */
const token_name_SUFFIX_PATTERN = (/* unused pure expression or super */ null && (`[${SUFFIX_ALPHABET.replace('abcdefghijklmnopqrstuvwxyz', 'a-z').replace('0123456789', '0-9')}]{${SUFFIX_LENGTH}}`));
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
/** `shop` from GITHUB_REPOSITORY=acme/shop; long names clipped so that the run id and job still fit. */
function repositoryPart(env) {
    return clip(slug((env['GITHUB_REPOSITORY'] ?? '').split('/').pop() ?? ''), 20);
}
/**
 * What every default name minted for this repository starts with: `gha-shop-`. The sweep
 * (sweep.ts) deletes expired tokens whose names start so.
 */
function defaultNameStem(env) {
    const repository = repositoryPart(env);
    return repository ? `gha-${repository}-` : 'gha-';
}
/** e.g. `gha-shop-9876543210-1-migrate` from the runner's GITHUB_* variables. */
function defaultNamePrefix(env) {
    const parts = [
        'gha',
        repositoryPart(env),
        env['GITHUB_RUN_ID'] ?? '',
        env['GITHUB_RUN_ATTEMPT'] ?? '',
        slug(env['GITHUB_JOB'] ?? ''),
    ];
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

;// CONCATENATED MODULE: ./src/inputs.ts
// Reading and validating the action's inputs. Everything here is pure (inputs come in through
// `read` and `env`), and all of it runs before any request: a mistake in the workflow file is
// reported as one clear error per input, never as an API failure after a token was minted.





const DEFAULT_API_URL = 'https://api.planetscale.com';
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
function parseInputs(read, env) {
    const errors = new Errors();
    const org = errors.take(parseResourceName('org', read('org')));
    const credential = errors.take(parseCredential(read, env));
    const database = read('database');
    if (database)
        errors.take(parseResourceName('database', database));
    const databaseRequests = errors.take(parseDatabaseAccesses(read('accesses'), database)) ?? [];
    const orgAccesses = errors.take(parseOrgAccesses(read('org-accesses'))) ?? [];
    const ttlSeconds = errors.take(parseTtl(read('ttl')));
    const namePrefix = errors.take(parseNamePrefix(read('name'), env));
    const exportEnv = errors.take(parseBoolean('export-env', read('export-env')));
    const cleanup = errors.take(parseBoolean('cleanup', read('cleanup')));
    const sweepExpired = errors.take(parseBoolean('sweep-expired', read('sweep-expired')));
    const apiUrl = errors.take(parseApiUrl(read('api-url')));
    const requests = [...databaseRequests];
    if (orgAccesses.length > 0 && org) {
        requests.push({ resourceType: 'Organization', resourceName: org, accesses: orgAccesses });
    }
    const accessErrors = errors.list.some((e) => e.input === 'accesses' || e.input === 'org-accesses');
    if (databaseRequests.length === 0 && orgAccesses.length === 0 && !accessErrors) {
        errors.add('accesses', 'nothing to grant: a token with no accesses can do nothing. List database accesses in accesses ' +
            '(e.g. "read_branch, create_branch" with the database input) and/or organization accesses in org-accesses.');
    }
    if (errors.list.length > 0)
        return { ok: false, errors: errors.list };
    return {
        ok: true,
        value: {
            org: org,
            credential: credential,
            requests,
            ttlSeconds: ttlSeconds,
            namePrefix: namePrefix,
            exportEnv: exportEnv,
            cleanup: cleanup,
            sweepExpired: sweepExpired,
            sweepNames: namePrefix && read('name') ? { stem: `${namePrefix}-`, exact: true } : { stem: defaultNameStem(env), exact: false },
            apiUrl: apiUrl,
        },
    };
}
// PlanetScale names organizations and databases with letters, digits, `-` and `_`. Being a little
// wider (`.`) costs nothing; refusing `/`, `?`, `#`, `%`, spaces and a leading `.` is what keeps a
// name one path segment, whatever encoding does.
const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
function parseResourceName(input, value) {
    if (!value) {
        return fail(input, `is empty: give the PlanetScale ${input === 'org' ? 'organization' : 'database'} name, e.g. "acme".`);
    }
    if (!RESOURCE_NAME.test(value)) {
        return fail(input, `${(0,src_text/* show */.W)(value)} is not a PlanetScale name: use letters, digits, "-" or "_" (at most 128 characters, starting with a letter or digit).`);
    }
    return { ok: true, value };
}
// ---------------------------------------------------------------------------------------------
// Accesses
/** Items separated by commas, spaces, tabs or newlines; empty items (trailing commas) dropped. */
function splitItems(text) {
    return text.split(/[\s,]+/).filter(Boolean);
}
function lines(text) {
    return text.split(/\r\n|\r|\n/);
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
function parseDatabaseAccesses(text, database) {
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
                errors.push({ input: 'accesses', message: `database ${(0,src_text/* show */.W)(db)} in line ${(0,src_text/* show */.W)(line.trim())} is not a PlanetScale name: use letters, digits, "-" or "_".` });
                continue;
            }
            if (items.length === 0) {
                errors.push({ input: 'accesses', message: `line ${(0,src_text/* show */.W)(line.trim())} names database ${(0,src_text/* show */.W)(db)} but no accesses: write e.g. "${db}: read_branch, create_branch".` });
                continue;
            }
        }
        for (const item of items) {
            if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
                stopped = true;
                break scan;
            }
            if (item.includes(':')) {
                errors.push({ input: 'accesses', message: `${(0,src_text/* show */.W)(item)}: a "DB:" prefix must start its own line, e.g. "app: read_branch" on one line and "analytics: connect_branch" on the next.` });
                continue;
            }
            const problem = accessProblem(item, 'database');
            if (problem) {
                errors.push({ input: 'accesses', message: problem });
                continue;
            }
            const target = db ?? database;
            if (!target) {
                if (!reportedMissingDatabase) {
                    errors.push({ input: 'accesses', message: `${(0,src_text/* show */.W)(item)} has no database: set the database input, or write the line as "DB: ${item}".` });
                    reportedMissingDatabase = true;
                }
                continue;
            }
            add(target, item);
        }
    }
    if (stopped)
        errors.push(moreProblems('accesses'));
    if (errors.length > 0)
        return { ok: false, errors };
    return {
        ok: true,
        value: [...byDatabase].map(([name, set]) => ({ resourceType: 'Database', resourceName: name, accesses: [...set] })),
    };
}
/** `org-accesses`: organization-level access names, separated like `accesses`; duplicates merged. */
function parseOrgAccesses(text) {
    const errors = [];
    const accesses = new Set();
    for (const item of splitItems(text)) {
        if (errors.length >= MAX_PROBLEMS_PER_INPUT) {
            errors.push(moreProblems('org-accesses'));
            break;
        }
        if (item.includes(':')) {
            errors.push({ input: 'org-accesses', message: `${(0,src_text/* show */.W)(item)}: org-accesses takes organization-level accesses only, with no "DB:" prefix; database accesses go in accesses.` });
            continue;
        }
        const problem = accessProblem(item, 'organization');
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
        return fail('ttl', `${(0,src_text/* show */.W)(value)} is not a duration: ${TTL_HINT}.`);
    const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()];
    if (seconds < MIN_TTL_SECONDS)
        return fail('ttl', `${(0,src_text/* show */.W)(value)} is too short: ${TTL_HINT}.`);
    if (seconds > MAX_TTL_SECONDS)
        return fail('ttl', `${(0,src_text/* show */.W)(value)} is too long: ${TTL_HINT}.`);
    return { ok: true, value: seconds };
}
function parseNamePrefix(value, env) {
    const prefix = value ? normalizeNamePrefix(value) : defaultNamePrefix(env);
    if (!prefix) {
        if (value)
            return fail('name', `${(0,src_text/* show */.W)(value)} has no letters or digits: give a prefix such as "ci-migrate".`);
        return { ok: true, value: 'gha' };
    }
    return { ok: true, value: prefix };
}
// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function parseBoolean(input, value) {
    if (TRUE.includes(value))
        return { ok: true, value: true };
    if (FALSE.includes(value))
        return { ok: true, value: false };
    return fail(input, `${(0,src_text/* show */.W)(value)} is not a boolean: use true or false.`);
}
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
        return fail('api-url', `is not a URL: ${hint}.`);
    }
    // Checked first, and the value not echoed: a user:password in the URL is a credential.
    if (url.username || url.password) {
        return fail('api-url', `carries a user name or password, which must not be there: ${hint}.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        return fail('api-url', `${(0,src_text/* show */.W)(value)} is not https: the minting credential is only ever sent over https (http only to a loopback host); ${hint}.`);
    }
    if (url.search || url.hash)
        return fail('api-url', `${(0,src_text/* show */.W)(value)} has a query or a fragment: ${hint}.`);
    return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

;// CONCATENATED MODULE: ./src/version.ts
// Sent in the User-Agent. A test keeps it equal to package.json's version.
const ACTION_NAME = 'planetscale-token-action';
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/planetscale/retry.ts
// When to try a PlanetScale call again, and how long to wait first. Pure functions: the client
// (client.ts) does the waiting and the logging.
//
// The numbers are small on purpose: a job waits for this step, and an unreachable API must fail
// within a minute. Five attempts with full jitter over 250 ms, 500 ms, 1 s, 2 s wait about 1.9 s
// on average in all; a Retry-After is honoured up to 10 s, and a 429 gets more attempts.


const DEFAULT_RETRY_POLICY = { attempts: 5, rateLimitedAttempts: 12, baseMs: 250, capMs: 4_000, retryAfterCapMs: 10_000 };
/** Statuses that say "not now" rather than "no": the same call may succeed later. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/**
 * Network error codes that mean the request never left: nothing can have been acted on.
 * EPROXYREFUSED and ENOTSENT are the client's own (client.ts): a proxy refused to open the
 * tunnel; the call was refused before it was sent (cancelled, or out of time).
 */
const NOT_SENT_CODES = new Set(['ENOTSENT', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'EPROXYREFUSED']);
/** How many calls in all `policy` allows, given the last failure. */
function attemptsAllowed(error, policy) {
    return error instanceof PlanetScaleApiError && error.status === 429 ? policy.rateLimitedAttempts : policy.attempts;
}
function isRetryable(error) {
    if (error instanceof PlanetScaleApiError)
        return RETRYABLE_STATUSES.has(error.status);
    if (error instanceof PlanetScaleNetworkError)
        return error.retryable;
    return false;
}
/**
 * Whether a failed call may still have been carried out by PlanetScale: the answer was lost
 * (reset, timeout, cancelled in flight) or PlanetScale failed after acting (5xx). A refused
 * connection, a 4xx and a 429 mean it was not.
 */
function mayHaveActed(error) {
    if (error instanceof PlanetScaleApiError)
        return error.status >= 500;
    if (error instanceof PlanetScaleNetworkError)
        return !error.code || !NOT_SENT_CODES.has(error.code);
    return true;
}
/** Retry-After as a wait in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // An HTTP date names its day and month ("Sun, 22 Nov 2026 10:00:05 GMT"); Date.parse alone would take "-1".
    if (!/[A-Za-z]{3}/.test(text))
        return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/**
 * The wait before attempt `attempt + 1`: full jitter, a random wait between 0 and
 * base·2^(attempt-1) (capped), which spreads out many clients that failed at the same moment;
 * after the server's Retry-After (capped) when it gave one, so that clients told "in 1 s" do
 * not all come back in the same instant.
 */
function retryDelayMs(attempt, policy, retryAfterMs, random = Math.random) {
    const jitter = Math.round(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
    return retryAfterMs === undefined ? jitter : Math.min(retryAfterMs, policy.retryAfterCapMs) + jitter;
}
/** What went wrong with one attempt, for a log line: a status or an error, never a body. */
function describeFailure(error) {
    if (error instanceof PlanetScaleApiError)
        return `HTTP ${error.status}${error.code ? ` (${error.code})` : ''}`;
    if (error instanceof PlanetScaleNetworkError)
        return error.reason;
    return (0,src_text/* errorMessage */.g)(error);
}
function formatWait(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/planetscale/http-fetch.ts
// The part of fetch the API client uses (method, headers, a string body, an AbortSignal, no
// redirects followed), over node:http and node:https.
//
// Why not the global fetch: it is undici, whose HTTP parser is WebAssembly. Its first request
// costs ~20 ms more, and V8 then compiles the parser's hot functions with TurboFan on a
// background thread that the process must wait for before it can exit (~50 ms seen with strace
// and perf). On a 2-core machine that made every main and post step markedly slower (npm run
// bench; README, "Performance"). node:http uses Node's native parser and exits at once.
/**
 * Sends one request and resolves once the status and headers are in; a redirect is returned
 * like any other answer, never followed. Rejects as fetch does: with the signal's reason when it
 * aborted (a TimeoutError for AbortSignal.timeout), else with TypeError("fetch failed") and the
 * socket's error as `cause`.
 */
/** The largest answer body read. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
async function httpFetch(url, init) {
    const target = new URL(url);
    // Loaded on first use: https (and TLS) only when the URL asks for it.
    const { request } = target.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
    return new Promise((resolve, reject) => {
        const failure = (cause) => (init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed', { cause }));
        const req = request(target, { method: init.method, headers: init.headers, signal: init.signal }, (res) => {
            const body = new Promise((done, fail) => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    chunks.push(chunk);
                    // An answer no PlanetScale call needs (a page of 100 tokens is well under 1 MiB): a
                    // broken or hostile server must not fill the runner's memory.
                    if (size > MAX_BODY_BYTES)
                        res.destroy(new Error(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
                });
                res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
                res.on('error', (error) => fail(failure(error)));
            });
            body.catch(() => { }); // read or not, a failed body must not become an unhandled rejection
            const status = res.statusCode ?? 0;
            resolve({
                status,
                ok: status >= 200 && status < 300,
                headers: {
                    get: (name) => {
                        const value = res.headers[name.toLowerCase()];
                        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
                    },
                },
                text: () => body,
            });
        });
        req.on('error', (error) => reject(failure(error)));
        req.end(init.body);
    });
}

;// CONCATENATED MODULE: ./src/planetscale/client.ts
// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing,
// retries (retry.ts decides, this file waits and logs), a per-request timeout, an overall
// deadline, and cancellation.
//
// It sends over node:http(s) (http-fetch.ts), so the bundle carries no HTTP library and pays no
// start-up for one. Tests can pass an undici `dispatcher` (e.g. a MockAgent); the global fetch
// is then used.




/**
 * The least time to start a create call with (SendOptions.minTimeMs): with less, its answer could
 * not be waited for, and a token could be made that we never learn of.
 */
const MIN_CALL_MS = 2_000;
/** The code of a call refused before it was sent (cancelled, or out of time): retry.ts NOT_SENT_CODES. */
const NOT_SENT = 'ENOTSENT';
const DEFAULT_TIMEOUT_MS = 10_000;
function authorizationHeader(credential) {
    return credential.kind === 'service-token' ? `${credential.id}:${credential.token}` : `Bearer ${credential.token}`;
}
/**
 * `/v1/organizations/<org>/<segments…>` with every name encoded as one path segment. A segment
 * that is empty, `.` or `..` is refused: URL parsing would drop it or climb a level (even as %2E),
 * so an ID from an API answer could otherwise steer a call, with the credential, to another path.
 */
function organizationPath(org, ...segments) {
    for (const s of [org, ...segments]) {
        if (s === '' || s === '.' || s === '..')
            throw new Error(`refused to build a PlanetScale API path with the segment ${JSON.stringify(s)}`);
    }
    return ['/v1/organizations', org, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}
class PlanetScaleClient {
    options;
    headers;
    secrets;
    constructor(options) {
        this.options = options;
        this.headers = {
            Accept: 'application/json',
            Authorization: authorizationHeader(options.credential),
            'User-Agent': `${ACTION_NAME}/${ACTION_VERSION}`,
        };
        const { credential } = options;
        this.secrets = credential.kind === 'service-token' ? [credential.id, credential.token] : [credential.token];
    }
    /** The same client with other limits, e.g. a fresh deadline and no cancellation for cleaning up. */
    derive(overrides) {
        return new PlanetScaleClient({ ...this.options, ...overrides });
    }
    /**
     * Sends a request, retrying what may succeed later (retry.ts) until the attempts or the
     * deadline run out; resolves for 2xx, throws PlanetScaleApiError / PlanetScaleNetworkError
     * (with `attempts` set) otherwise.
     */
    async send(method, path, body, sendOptions = {}) {
        const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
        const minTimeMs = sendOptions.minTimeMs ?? 0;
        for (let attempt = 1;; attempt++) {
            try {
                return await this.sendOnce(method, path, body, minTimeMs);
            }
            catch (error) {
                const allowed = attemptsAllowed(error, policy);
                const wait = isRetryable(error) && attempt < allowed ? retryDelayMs(attempt, policy, retryAfterOf(error)) : undefined;
                const giveUp = () => {
                    if (error instanceof PlanetScaleApiError || error instanceof PlanetScaleNetworkError)
                        error.attempts = attempt;
                    return error;
                };
                const deadline = this.options.deadline ?? Infinity;
                // A retry must leave its call the time it needs, or waiting for it is pointless.
                const noTime = () => Date.now() + wait + minTimeMs >= deadline;
                if (wait === undefined || noTime() || this.options.signal?.aborted)
                    throw giveUp();
                await sendOptions.beforeRetry?.(error);
                // beforeRetry may have used up the time: the failure to report is still this call's own.
                if (noTime() || this.options.signal?.aborted)
                    throw giveUp();
                const retryAfter = retryAfterOf(error);
                const cappedNote = retryAfter !== undefined && retryAfter > policy.retryAfterCapMs ? `, capped at ${formatWait(policy.retryAfterCapMs)}` : '';
                this.options.log?.(`PlanetScale API ${method} ${path}: attempt ${attempt} of ${allowed} failed (${describeFailure(error)}); ` +
                    `retrying in ${formatWait(wait)}${retryAfter !== undefined ? ` (Retry-After: ${formatWait(retryAfter)}${cappedNote})` : ''}.`);
                if (!(await this.pause(wait)))
                    throw giveUp();
            }
        }
    }
    /** Waits `ms`; false when the job was cancelled meanwhile. */
    pause(ms) {
        const signal = this.options.signal;
        return new Promise((resolve) => {
            const done = (value) => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                resolve(value);
            };
            const onAbort = () => done(false);
            const timer = setTimeout(() => done(true), ms);
            signal?.addEventListener('abort', onAbort);
        });
    }
    async sendOnce(method, path, body, minTimeMs) {
        const url = this.options.baseUrl + path;
        const started = performance.now();
        const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
        const { signal: cancelled, deadline } = this.options;
        // Refused before anything is sent (code NOT_SENT): nothing can have been acted on.
        if (cancelled?.aborted)
            throw new PlanetScaleNetworkError(method, url, 'cancelled', { code: NOT_SENT, retryable: false });
        const remaining = (deadline ?? Infinity) - Date.now();
        if (remaining <= 0 || remaining < minTimeMs) {
            throw new PlanetScaleNetworkError(method, url, 'the time limit for talking to PlanetScale ran out', { code: NOT_SENT, retryable: false });
        }
        const timeout = AbortSignal.timeout(Math.min(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, remaining));
        let response;
        try {
            const init = {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: cancelled ? AbortSignal.any([timeout, cancelled]) : timeout,
            };
            // The credential must never follow a redirect to another host; PlanetScale does not
            // redirect API calls, so any redirect is refused (httpFetch never follows one). A test's
            // undici dispatcher (MockAgent) only works with the global fetch.
            const { dispatcher } = this.options;
            response = dispatcher ? await fetch(url, { ...init, redirect: 'manual', dispatcher }) : await httpFetch(url, init);
        }
        catch (error) {
            const { reason, code } = describeFetchFailure(error);
            const wasCancelled = cancelled?.aborted === true;
            this.options.debug?.(`PlanetScale API ${method} ${path} failed after ${elapsed(started)}: ${wasCancelled ? 'cancelled' : reason}`);
            throw new PlanetScaleNetworkError(method, url, wasCancelled ? 'cancelled' : reason, { code, retryable: !wasCancelled });
        }
        let text;
        try {
            text = await response.text();
        }
        catch (error) {
            // The headers came, the body did not: as ambiguous as a lost answer.
            const { reason, code } = describeFetchFailure(error);
            throw new PlanetScaleNetworkError(method, url, `the answer (HTTP ${response.status}) was cut off: ${reason}`, { code, retryable: !cancelled?.aborted });
        }
        this.options.debug?.(`PlanetScale API ${method} ${path} -> ${response.status} in ${elapsed(started)}`);
        if (response.status >= 300 && response.status < 400) {
            throw new PlanetScaleNetworkError(method, url, `refused to follow a redirect (HTTP ${response.status}) so that the credential is not sent elsewhere`, {
                retryable: false,
            });
        }
        if (!response.ok) {
            const { code, message } = errorBody(text);
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
            // The code is shown too, so it gets the same treatment as the message: an API (or a proxy
            // in front of it) may echo the credential in either.
            const safe = (text) => (text === undefined ? undefined : redact(text, this.secrets));
            throw new PlanetScaleApiError(method, path, response.status, safe(code), safe(message), retryAfter);
        }
        return { status: response.status, body: (text ? safeJson(text) : undefined) };
    }
}
function retryAfterOf(error) {
    return error instanceof PlanetScaleApiError && (error.status === 429 || error.status === 503) ? error.retryAfterMs : undefined;
}
function elapsed(started) {
    return `${Math.round(performance.now() - started)} ms`;
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** PlanetScale's `{code, message}`; some error bodies are not JSON, or empty. */
function errorBody(text) {
    const json = safeJson(text);
    if (json && typeof json === 'object') {
        const { code, message } = json;
        return {
            code: typeof code === 'string' ? code : undefined,
            message: typeof message === 'string' ? message : undefined,
        };
    }
    return { message: text.trim() ? text : undefined };
}
/** A proxy refused to open a tunnel: the request never reached PlanetScale (see retry.ts). */
const PROXY_REFUSED = 'EPROXYREFUSED';
/**
 * fetch rejects with "fetch failed" and the real reason in `cause`, sometimes a cause or two
 * deeper (a proxy's refusal is an AbortError under "Request was cancelled."): the deepest
 * message and the first string code are what say what happened. The reason is never empty.
 */
function describeFetchFailure(error) {
    if (!(error instanceof Error))
        return { reason: String(error) || 'unknown error' };
    if (error.name === 'TimeoutError')
        return { reason: 'timed out', code: 'ETIMEDOUT' };
    let code;
    let message = '';
    for (let cause = error.cause, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
        const own = cause.code;
        if (typeof own === 'string' && !code)
            code = own;
        // An AggregateError (every address refused) has an empty message but a code.
        if (cause.message)
            message = cause.message;
    }
    // node:http's own proxy support (proxy.ts) says ERR_PROXY_TUNNEL; undici's fetch (tests'
    // dispatcher) says "Proxy response (403)".
    if (code === 'ERR_PROXY_TUNNEL' || /^Proxy response \(\d+\)/.test(message))
        code = PROXY_REFUSED;
    if (!message && !code)
        return { reason: error.message || error.name };
    return { reason: code ? `${code}: ${message || 'no message'}` : message, code };
}

;// CONCATENATED MODULE: ./src/planetscale/proxy.ts
// Proxies for self-hosted runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case
// forms), as curl and pscale read them. Node's http.setGlobalProxyFromEnv() sets node:http(s)'s
// global agents (which http-fetch.ts sends through) to use them, so the bundle carries no proxy
// code of its own. It is called only when a proxy is set: the common case pays nothing for it.
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
function proxyConfigured(env) {
    return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}
/**
 * Routes the API calls through the proxy the environment names; resolves to a problem to report,
 * if any. A loopback API over http (the only http allowed) is never reached through a proxy: the
 * credential would travel to the proxy in clear.
 */
async function useProxyFromEnv(env, apiUrl) {
    if (!proxyConfigured(env) || apiUrl.startsWith('http:'))
        return undefined;
    const { setGlobalProxyFromEnv } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
    try {
        setGlobalProxyFromEnv(env);
        return undefined;
    }
    catch {
        // The value is not echoed: a proxy URL may carry a user name and password.
        const names = PROXY_VARIABLES.filter((name) => env[name]);
        return `The proxy set in ${names.join(' / ')} is not a URL: give one such as "http://proxy.example:3128".`;
    }
}

;// CONCATENATED MODULE: ./src/planetscale/service-tokens.ts
// The service-token endpoints (https://api-docs.planetscale.com/reference/service-tokens). Responses are checked for the fields
// this action relies on, and only those: the rest of PlanetScale's objects may change freely.


const isObject = (value) => typeof value === 'object' && value !== null;
async function createServiceToken(client, org, request, options = {}) {
    const { body } = await client.send('POST', organizationPath(org, 'service-tokens'), { name: request.name, ttl: request.ttlSeconds }, { minTimeMs: MIN_CALL_MS, ...options });
    const id = isObject(body) && typeof body['id'] === 'string' && body['id'] ? body['id'] : undefined;
    if (!id || !isObject(body) || typeof body['token'] !== 'string' || !body['token']) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call without a token id and secret', id);
    }
    return {
        id,
        token: body['token'],
        name: typeof body['name'] === 'string' ? body['name'] : null,
        expiresAt: typeof body['expires_at'] === 'string' ? body['expires_at'] : null,
    };
}
/**
 * Grants `accesses` on `database`, or on the organization when `database` is "" (as pscale
 * sends it). Returns the access records PlanetScale answers with.
 */
async function grantAccesses(client, org, tokenId, database, accesses) {
    const { body } = await client.send('POST', organizationPath(org, 'service-tokens', tokenId, 'access'), {
        database,
        access: accesses,
    });
    return accessRecords(body);
}
/** Access records from a list envelope (or a bare array, to be tolerant: the shape is unverified). */
function accessRecords(body) {
    const data = Array.isArray(body) ? body : isObject(body) && Array.isArray(body['data']) ? body['data'] : undefined;
    if (!data)
        throw new PlanetScaleResponseError('PlanetScale answered the grant call without a list of access records');
    return data.flatMap((record) => {
        if (!isObject(record) || typeof record['access'] !== 'string' || !isObject(record['resource']))
            return [];
        const resource = record['resource'];
        return [
            {
                access: record['access'],
                resourceType: typeof resource['type'] === 'string' ? resource['type'] : '',
                resourceName: typeof resource['name'] === 'string' ? resource['name'] : '',
            },
        ];
    });
}
/** Deletes a token; resolves to "not-found" on 404, which can also mean a missing permission. */
async function deleteServiceToken(client, org, id) {
    try {
        await client.send('DELETE', organizationPath(org, 'service-tokens', id));
        return 'deleted';
    }
    catch (error) {
        if (error instanceof PlanetScaleApiError && error.status === 404)
            return 'not-found';
        throw error;
    }
}
/** Whether the token can still be read: true (exists), false (404). */
async function serviceTokenExists(client, org, id) {
    try {
        await client.send('GET', organizationPath(org, 'service-tokens', id));
        return true;
    }
    catch (error) {
        if (error instanceof PlanetScaleApiError && error.status === 404)
            return false;
        throw error;
    }
}
/** Every service token of the organization, following `next_page` through every page. */
async function service_tokens_listServiceTokens(client, org) {
    const tokens = [];
    // Bounded, so a misbehaving API cannot keep us paging forever (100 pages of 100 tokens).
    for (let page = 1, pages = 0; page && pages < 100; pages++) {
        const { body } = await client.send('GET', `${organizationPath(org, 'service-tokens')}?page=${page}&per_page=100`);
        if (!isObject(body) || !Array.isArray(body['data']))
            throw new PlanetScaleResponseError('PlanetScale answered the list call without a list of tokens');
        for (const token of body['data']) {
            if (!isObject(token) || typeof token['id'] !== 'string')
                continue;
            tokens.push({
                id: token['id'],
                name: typeof token['name'] === 'string' ? token['name'] : null,
                expiresAt: typeof token['expires_at'] === 'string' ? token['expires_at'] : null,
            });
        }
        page = typeof body['next_page'] === 'number' && body['next_page'] > page ? body['next_page'] : 0;
    }
    return tokens;
}
/** IDs of the organization's service tokens named `name`. */
async function findServiceTokensNamed(client, org, name) {
    return (await service_tokens_listServiceTokens(client, org)).filter((token) => token.name === name).map((token) => token.id);
}

// EXTERNAL MODULE: ./src/runner.ts + 2 modules
var runner = __nccwpck_require__(783);
;// CONCATENATED MODULE: ./src/remove-token.ts
// Deleting a minted token, used by main (after a failure) and by post.
//
// PlanetScale answers 404 both for a token that is gone and for a caller that may not delete
// it, so a 404 is checked with a read: a token that can still be read was not deleted. When the
// ID was never learnt (a create whose answer was lost), the token is found by its unique name.





async function remove_token_removeToken(client, org, id, name) {
    const operation = { kind: 'delete', org, tokenName: name };
    try {
        if ((await deleteServiceToken(client, org, id)) === 'deleted')
            return { ok: true, outcome: 'deleted' };
    }
    catch (error) {
        return { ok: false, reason: explain(error, operation) };
    }
    let stillThere;
    try {
        // false also when the minting token lacks read_service_tokens (404 again): then the two
        // 404s are all we can know, and the README says to grant read_service_tokens.
        stillThere = await serviceTokenExists(client, org, id);
    }
    catch (error) {
        return {
            ok: false,
            reason: `PlanetScale answered 404 to deleting service token ${(0,src_text/* show */.W)(name)}, and checking whether it still exists failed: ${explain(error, operation)}`,
        };
    }
    if (stillThere) {
        return {
            ok: false,
            reason: `PlanetScale answered 404 to deleting service token ${(0,src_text/* show */.W)(name)}, yet the token still exists: ` +
                'the minting credential lacks delete_service_tokens. Add it to the minting token.',
        };
    }
    return { ok: true, outcome: 'already-gone' };
}
/** Deletes every token named `name` (ours alone, by its random suffix), except the one with ID `except` (dealt with by ID already). */
async function removeTokensNamed(client, org, name, except) {
    let ids;
    try {
        ids = (await findServiceTokensNamed(client, org, name)).filter((id) => id !== except);
    }
    catch (error) {
        return { ok: false, reason: remove_token_listingFailure(error, `a token named ${(0,src_text/* show */.W)(name)}`) };
    }
    for (const id of ids) {
        // A token minted for this job: its ID is masked like the one main learnt (e.g. in retry lines).
        runner/* setSecret */.Pq(id);
        const result = await remove_token_removeToken(client, org, id, name);
        if (!result.ok)
            return result;
    }
    return { ok: true, removed: ids.length };
}
/** Why listing the organization's tokens to look for `what` failed, and what it means. */
function remove_token_listingFailure(error, what) {
    if (error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404)) {
        return `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting credential lacks read_service_tokens, so ${what} cannot be looked for.`;
    }
    return `Listing service tokens to look for ${what} failed: ${describeError(error)}`;
}
/** An error's message as a sentence, never empty. */
function describeError(error) {
    const message = (0,src_text/* errorMessage */.g)(error);
    return /[.!?]$/.test(message) ? message : `${message}.`;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/state-keys.ts
// The GITHUB_STATE keys main writes for post. Apart from state.ts (which seals the minting
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
    /** The minting credential, sealed; see sealCredential in state.ts. */
    sealedCredential: 'minting-credential',
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
    /** The names the sweep deletes when expired (sweep.ts encodeSweepNames); absent when sweep-expired is off. */
    sweep: 'sweep',
};

;// CONCATENATED MODULE: ./src/state.ts
// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.


// With export-env on, main replaces env PLANETSCALE_SERVICE_TOKEN(_ID) with the minted token for
// every later step, post included; inputs that read those variables (`${{ env.… }}`) are
// evaluated again for post and change too. Post must still delete with the minting credential,
// so main keeps it in state, sealed (AES-256-GCM) under a key derived from the minted secret:
// post finds that secret in PLANETSCALE_SERVICE_TOKEN, and the state file alone reveals nothing.
function keyFrom(mintedSecret) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}
function sealCredential(credential, mintedSecret) {
    const iv = (0,external_node_crypto_namespaceObject.randomBytes)(12);
    const cipher = (0,external_node_crypto_namespaceObject.createCipheriv)('aes-256-gcm', keyFrom(mintedSecret), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(credential), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}
/** The sealed credential, or undefined when the key is wrong or the value was tampered with. */
function openCredential(sealed, mintedSecret) {
    try {
        const bytes = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
        const value = JSON.parse(plain);
        if (typeof value.token !== 'string')
            return undefined;
        if (value.kind === 'api-token')
            return { kind: 'api-token', token: value.token };
        if (value.kind === 'service-token' && typeof value.id === 'string')
            return { kind: 'service-token', id: value.id, token: value.token };
        return undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: what was minted, for how long, with which accesses. Never the secret or the ID.
/** Markdown table cell text: pipes and backticks would break the table. */
function cell(text) {
    return text.replace(/[|`\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
/**
 * One table, one row per resource: token name and expiry repeat on every row so that each row
 * reads on its own (a job with several uses of the action, or a matrix, shows several tables).
 */
function mintSummary(options) {
    const token = `\`${cell(options.name)}\``;
    const expires = cell(options.expiresAt);
    const rows = options.granted.map((g) => `| ${token} | ${expires} | ${cell(g.resource_name)} | ${cell(g.resource_type)} | ${g.accesses.map((a) => `\`${cell(a)}\``).join(', ')} |`);
    const fate = options.cleanup
        ? 'It is deleted by this action\'s post step when the job ends.'
        : 'cleanup is false: it stays valid until it expires.';
    return [
        `### PlanetScale service token (organization ${cell(options.org)})`,
        '',
        '| Token | Expires | Resource | Type | Accesses |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
        fate,
        '',
    ].join('\n');
}
function deletedSummary(name, outcome) {
    return outcome === 'deleted'
        ? `Service token \`${cell(name)}\` was deleted by the post step.\n`
        : `Service token \`${cell(name)}\` was already gone when the post step came to delete it.\n`;
}
/** Post could not delete the token: the summary says so, and until when it stays valid. */
function notDeletedSummary(name, expiresAt) {
    return `**Service token \`${cell(name)}\` could not be deleted by the post step**: it stays valid until ${cell(expiresAt)}. See the post step's log.\n`;
}

;// CONCATENATED MODULE: ./src/sweep.ts
// The optional sweep (input sweep-expired): in post, delete the organization's tokens that this
// action minted in earlier runs and that have expired, the leftovers of runners that died
// before their post step. Which names count is decided here, purely; post does the calls.




/**
 * A token must have expired this long ago to be swept: a runner whose clock runs ahead must not
 * delete a token another job is still using.
 */
const SWEEP_MARGIN_MS = (/* unused pure expression or super */ null && (5 * 60 * 1000));
function encodeSweepNames(names) {
    return names.exact ? names.stem : `${names.stem}*`;
}
function decodeSweepNames(value) {
    if (!value)
        return undefined;
    return value.endsWith('*') ? { stem: value.slice(0, -1), exact: false } : { stem: value, exact: true };
}
function isSweepable(token, names, nowMs) {
    const { name, expiresAt } = token;
    if (!name || !expiresAt || !name.startsWith(names.stem))
        return false;
    const rest = name.slice(names.stem.length);
    const ours = names.exact ? new RegExp(`^${SUFFIX_PATTERN}$`).test(rest) : new RegExp(`^[a-z0-9-]+-${SUFFIX_PATTERN}$`).test(rest);
    const expired = Date.parse(expiresAt);
    return ours && !Number.isNaN(expired) && expired < nowMs - SWEEP_MARGIN_MS;
}
async function sweepExpired(client, org, names, nowMs) {
    let expired;
    const what = `expired tokens named ${show(`${names.stem}${names.exact ? '' : '…'}`)}`;
    try {
        expired = (await listServiceTokens(client, org)).filter((token) => isSweepable(token, names, nowMs));
    }
    catch (error) {
        return { ok: false, reason: listingFailure(error, what) };
    }
    let removed = 0;
    const failures = [];
    for (const token of expired) {
        const result = await removeToken(client, org, token.id, token.name ?? token.id);
        if (result.ok)
            removed++;
        else
            failures.push(result.reason);
    }
    return { ok: true, removed, failures };
}

;// CONCATENATED MODULE: ./src/mint.ts
// The main step: validate, create the token, grant its accesses, hand it to later steps. If
// anything fails once the token exists, the token is deleted before the step fails, so a failed
// step leaves nothing alive. Transient failures are retried (planetscale/retry.ts); a create
// that may have reached PlanetScale is reconciled by name before it is tried again, since
// create is not idempotent. A cancellation (SIGINT/SIGTERM, see main.ts) stops the step and
// deletes what exists within the runner's grace period.
















/** A failure already explained to the user; the step fails with its message. */
class StepFailure extends Error {
}
/** The whole main step talks to PlanetScale within this, so an unreachable API fails within a minute. */
const MAIN_DEADLINE_MS = 45_000;
/** Time kept for deleting a token after a failure, even past the deadline. */
const CLEANUP_FLOOR_MS = 8_000;
/**
 * Time for deleting after a cancellation, from the signal: the runner sends SIGTERM 7.5 s after
 * SIGINT, and kills 2.5 s after SIGTERM.
 */
const CANCEL_BUDGET_MS = { SIGINT: 6_000, SIGTERM: 2_000 };
/** Runs the main step; resolves to the process exit code. `cancel` aborts with the signal's name. */
async function mint(env = process.env, cancel) {
    const started = Date.now();
    let cancelledAt = Date.now();
    cancel?.addEventListener('abort', () => (cancelledAt = Date.now()), { once: true });
    maskCredentialInputs(env);
    const parsed = parseInputs(runner/* getInput */.V4, env);
    if (!parsed.ok) {
        for (const e of parsed.errors)
            runner/* error */.z3(formatInputError(e));
        return 1;
    }
    const config = parsed.value;
    const proxyProblem = await useProxyFromEnv(env, config.apiUrl);
    if (proxyProblem) {
        runner/* error */.z3(proxyProblem);
        return 1;
    }
    const name = tokenName(config.namePrefix);
    const client = new PlanetScaleClient({
        baseUrl: config.apiUrl,
        credential: config.credential,
        debug: runner/* isDebug */._o() ? runner/* debug */.Yz : undefined,
        log: runner/* info */.pq,
        deadline: started + MAIN_DEADLINE_MS,
        signal: cancel,
    });
    /** The client that deletes after a failure: never cancelled, and with time of its own. */
    const cleaner = () => client.derive({
        signal: undefined,
        deadline: cancel?.aborted
            ? cancelledAt + (CANCEL_BUDGET_MS[String(cancel.reason)] ?? CANCEL_BUDGET_MS['SIGTERM'])
            : Math.max(started + MAIN_DEADLINE_MS, Date.now() + CLEANUP_FLOOR_MS),
    });
    // Before the create call: post needs these to clean up whatever happens next.
    runner/* saveState */.LZ(STATE.org, config.org);
    runner/* saveState */.LZ(STATE.apiUrl, config.apiUrl);
    runner/* saveState */.LZ(STATE.name, name);
    if (config.sweepExpired)
        runner/* saveState */.LZ(STATE.sweep, encodeSweepNames(config.sweepNames));
    if (cancel?.aborted) {
        runner/* error */.z3(`The job was cancelled (${String(cancel.reason)}) before the token was created: nothing was minted.`);
        return 1;
    }
    runner/* info */.pq(`Minting service token ${(0,src_text/* show */.W)(name)} in organization ${(0,src_text/* show */.W)(config.org)}, valid for ${formatTtl(config.ttlSeconds)}.`);
    let token;
    runner/* saveState */.LZ(STATE.createAttempted, 'true');
    try {
        token = await createServiceToken(client, config.org, { name, ttlSeconds: config.ttlSeconds }, { beforeRetry: (error) => reconcileBeforeRetry(client, config.org, name, error) });
    }
    catch (error) {
        runner/* error */.z3(cancel?.aborted
            ? `The job was cancelled (${String(cancel.reason)}) while the token was being created.`
            : explain(error, { kind: 'create', org: config.org }));
        await cleanUpFailedCreate(cleaner(), config.org, name, error);
        return 1;
    }
    // At once: from here on the ID and secret may appear in runner output only as ***.
    runner/* setSecret */.Pq(token.id);
    runner/* setSecret */.Pq(token.token);
    runner/* saveState */.LZ(STATE.id, token.id);
    const expiresAt = token.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
    runner/* saveState */.LZ(STATE.expiresAt, expiresAt);
    if (config.exportEnv)
        runner/* saveState */.LZ(STATE.sealedCredential, sealCredential(withoutSource(config.credential), token.token));
    try {
        const granted = await grantAll(client, config, token.id);
        if (cancel?.aborted)
            throw new StepFailure('cancelled');
        handOver(config, name, token, expiresAt, granted);
        return 0;
    }
    catch (error) {
        runner/* error */.z3(cancel?.aborted
            ? `The job was cancelled (${String(cancel.reason)}) while the token's accesses were being granted.`
            : error instanceof StepFailure
                ? error.message
                : `Unexpected failure after minting: ${(0,src_text/* errorMessage */.g)(error)}`);
        await deleteAfterFailure(cleaner(), config.org, token.id, name, expiresAt);
        return 1;
    }
}
/**
 * Before a create call is tried again: if the failed one may have made the token (its answer
 * lost, or a 5xx), delete any token with our name, so that the retry cannot leave a second one
 * alive. Listing may be refused (no read_service_tokens): then warn, and go on.
 */
async function reconcileBeforeRetry(client, org, name, error) {
    if (!mayHaveActed(error))
        return;
    runner/* saveState */.LZ(STATE.lookUpByName, 'true');
    runner/* info */.pq(`The failed create call may have reached PlanetScale: deleting any token named ${(0,src_text/* show */.W)(name)} before trying again.`);
    const result = await removeTokensNamed(client, org, name);
    if (!result.ok) {
        runner/* warning */.$e(`${result.reason} If that call made a token, it stays valid until its TTL ends unless the post step finds it.`);
    }
    else if (result.removed > 0) {
        runner/* info */.pq(`Deleted service token ${(0,src_text/* show */.W)(name)}, made by the failed call.`);
    }
}
function withoutSource(credential) {
    return credential.kind === 'api-token' ? { kind: 'api-token', token: credential.token } : { kind: 'service-token', id: credential.id, token: credential.token };
}
/**
 * A create call that failed may still have made a token: when the answer was lost (network
 * error, timeout), PlanetScale failed after acting (5xx), or the answer was unusable. Such a
 * token is found by its unique name and deleted, so a failed step leaves nothing alive.
 */
async function cleanUpFailedCreate(client, org, name, error) {
    if (!mayHaveActed(error) && !(error instanceof PlanetScaleResponseError)) {
        runner/* saveState */.LZ(STATE.settled, 'true');
        return;
    }
    // A call still in flight at PlanetScale (timed out, cancelled) may create the token after we
    // looked: post looks again.
    runner/* saveState */.LZ(STATE.lookUpByName, 'true');
    if (error instanceof PlanetScaleResponseError && error.tokenId) {
        runner/* setSecret */.Pq(error.tokenId);
        const result = await remove_token_removeToken(client, org, error.tokenId, name);
        if (result.ok)
            runner/* saveState */.LZ(STATE.settled, 'true');
        else
            runner/* error */.z3(`Could not delete service token ${(0,src_text/* show */.W)(name)} after the failure: ${result.reason}`);
        return;
    }
    runner/* info */.pq(`The create call may have reached PlanetScale: looking for a token named ${(0,src_text/* show */.W)(name)} to delete.`);
    const result = await removeTokensNamed(client, org, name);
    if (result.ok) {
        runner/* saveState */.LZ(STATE.settled, 'true');
        runner/* info */.pq(result.removed > 0 ? `Deleted service token ${(0,src_text/* show */.W)(name)}, created before the failure.` : 'No such token exists: nothing was left alive.');
    }
    else {
        runner/* warning */.$e(`${result.reason} If the token was created, it stays valid until its TTL ends; the post step will look again.`);
    }
}
/**
 * Inputs that hold credentials are masked before anything else is printed, even before they
 * are validated: a malformed credential is still a secret.
 */
function maskCredentialInputs(env) {
    for (const input of ['service-token-id', 'service-token', 'api-token'])
        runner/* setSecret */.Pq(runner/* getInput */.V4(input));
    for (const variable of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN'])
        runner/* setSecret */.Pq((env[variable] ?? '').trim());
}
/** One grant call per database plus one for the organization, all at once: they are independent. */
async function grantAll(client, config, tokenId) {
    const results = await Promise.allSettled(config.requests.map((request) => grantAccesses(client, config.org, tokenId, request.resourceType === 'Organization' ? '' : request.resourceName, request.accesses)));
    const failures = results.flatMap((result, i) => result.status === 'rejected' ? [explain(result.reason, { kind: 'grant', org: config.org, request: config.requests[i] })] : []);
    if (failures.length > 0)
        throw new StepFailure(failures.join('\n'));
    const granted = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    const { missing, unexpected } = checkGrants(config.requests, granted);
    if (missing.length > 0) {
        throw new StepFailure(`PlanetScale accepted the grants but does not report ${missing.map(describeRequest).join('; ')} as granted, ` +
            'so the token would not work as asked. This is unexpected: retry the job, and report it if it persists.');
    }
    if (unexpected.length > 0) {
        // More privilege than the job asked for is not handed over.
        throw new StepFailure(`PlanetScale reports accesses that were not asked for: ${unexpected
            .map((g) => `${g.access} on ${g.resourceType} ${(0,src_text/* show */.W)(g.resourceName)}`)
            .join(', ')}. The token is not handed over with more than the job asked for.`);
    }
    return granted;
}
function describeRequest(request) {
    return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${(0,src_text/* show */.W)(request.resourceName)}`;
}
/** Outputs, env for later steps, log and summary. */
function handOver(config, name, token, expiresAt, granted) {
    const grouped = groupGranted(granted);
    // Only a token handed over may outlive the job (cleanup: false): one that main failed to
    // delete after a failure is never kept, so post deletes it whatever cleanup says.
    runner/* saveState */.LZ(STATE.cleanup, String(config.cleanup));
    runner/* setOutput */.uH('service-token-id', token.id);
    runner/* setOutput */.uH('service-token', token.token);
    runner/* setOutput */.uH('name', name);
    runner/* setOutput */.uH('expires-at', expiresAt);
    runner/* setOutput */.uH('accesses', JSON.stringify(grouped));
    const variables = config.exportEnv ? envForLaterSteps(config, token) : {};
    for (const [variable, value] of Object.entries(variables))
        runner/* exportVariable */.dN(variable, value);
    const exported = Object.keys(variables);
    for (const g of grouped)
        runner/* info */.pq(`Granted on ${g.resource_type.toLowerCase()} ${(0,src_text/* show */.W)(g.resource_name)}: ${g.accesses.join(', ')}`);
    runner/* info */.pq(`Service token ${(0,src_text/* show */.W)(name)} is ready; it expires at ${expiresAt}.` +
        (exported.length > 0 ? ` Exported ${exported.join(', ')} for later steps.` : ''));
    runner/* appendSummary */.fe(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup }));
}
/** The variables pscale reads, as later steps get them. */
function envForLaterSteps(config, token) {
    return {
        PLANETSCALE_SERVICE_TOKEN_ID: token.id,
        PLANETSCALE_SERVICE_TOKEN: token.token,
        PLANETSCALE_ORG: config.org,
        // Only when not the default: a job-level PLANETSCALE_API_URL would otherwise be overridden for nothing.
        ...(config.apiUrl === DEFAULT_API_URL ? {} : { PLANETSCALE_API_URL: config.apiUrl }),
    };
}
async function deleteAfterFailure(client, org, id, name, expiresAt) {
    const result = await remove_token_removeToken(client, org, id, name);
    if (result.ok) {
        runner/* saveState */.LZ(STATE.settled, 'true');
        runner/* info */.pq(`Deleted service token ${(0,src_text/* show */.W)(name)} after the failure, so nothing is left alive.`);
    }
    else {
        runner/* error */.z3(`Could not delete service token ${(0,src_text/* show */.W)(name)} after the failure: ${result.reason} ` +
            `The post step will try again; if it cannot, the token stays valid until ${expiresAt}.`);
    }
}
function formatTtl(seconds) {
    for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]]) {
        if (seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}


/***/ }),

/***/ 783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  dN: () => (/* binding */ exportVariable),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  LZ: () => (/* binding */ saveState),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: getState

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner.ts
// The GitHub runner's interface, as the runner (https://github.com/actions/runner) and @actions/core implement it: inputs from INPUT_*,
// state from STATE_*, workflow commands on stdout, and the file commands (GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY).
//
// Why not @actions/core: bundled, it costs ~55 ms of start-up on every step of every job that
// uses this action (it pulls in @actions/http-client, undici and @actions/exec for OIDC and
// platform helpers we never call). The part we use is this file.


// node:crypto is loaded on first use, as in token-name.ts: importing it here would load it (~5 ms)
// in every step, even one that never writes a file command.
const randomUUID = () => process.getBuiltinModule('node:crypto').randomUUID();
/** An input as the runner passes it: INPUT_<NAME>, spaces to `_`, upper-cased, hyphens kept; trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
// Workflow-command escaping, as the runner unescapes it. Escaping CR and LF is what keeps a value
// with a newline from starting a line of its own, which could then be read as a command.
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issueCommand(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** Registers a secret: the runner shows *** for it in every log line printed afterwards. */
function setSecret(value) {
    if (value)
        issueCommand('add-mask', value);
}
/**
 * A plain log line. The runner reads a line as a command when it starts with `::` (after white
 * space) or holds `##[` (the old syntax); text that could do either is printed between
 * ::stop-commands:: markers, so names and API messages we print can never issue a command.
 * Any `::` counts, wherever it is: the runner also ends a line at a lone CR, and trims white space
 * .NET's way (U+0085 included), so "starts a line" is not something to decide here.
 */
function info(message) {
    const risky = message.includes('::') || message.includes('##[');
    if (!risky) {
        process.stdout.write(message + external_node_os_namespaceObject.EOL);
        return;
    }
    const token = randomUUID();
    process.stdout.write(`::stop-commands::${token}${external_node_os_namespaceObject.EOL}${message}${external_node_os_namespaceObject.EOL}::${token}::${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issueCommand('debug', message);
}
function warning(message) {
    issueCommand('warning', message);
}
function error(message) {
    issueCommand('error', message);
}
function appendFileCommand(variable, name, value) {
    const path = process.env[variable];
    if (!path) {
        throw new Error(`${variable} is not set: this action must run on a GitHub Actions runner`);
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    // A value containing the delimiter would end the heredoc early and inject the rest.
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the value of ${name} contains the file-command delimiter`);
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function setOutput(name, value) {
    appendFileCommand('GITHUB_OUTPUT', name, value);
}
function saveState(name, value) {
    appendFileCommand('GITHUB_STATE', name, value);
}
/** Sets the variable for later steps (and for the rest of this process). */
function exportVariable(name, value) {
    process.env[name] = value;
    appendFileCommand('GITHUB_ENV', name, value);
}
function appendSummary(markdown) {
    const path = process.env['GITHUB_STEP_SUMMARY'];
    if (path)
        (0,external_node_fs_namespaceObject.appendFileSync)(path, markdown.endsWith(external_node_os_namespaceObject.EOL) ? markdown : markdown + external_node_os_namespaceObject.EOL, 'utf8');
}


/***/ }),

/***/ 992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ show),
/* harmony export */   g: () => (/* binding */ errorMessage)
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


/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

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
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
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
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(730);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
