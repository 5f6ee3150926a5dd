import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 136:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ cleanup)
});

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

;// CONCATENATED MODULE: ./src/version.ts
// Sent in the User-Agent. A test keeps it equal to package.json's version.
const ACTION_NAME = 'planetscale-token-action';
const ACTION_VERSION = '1.0.0';

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
    constructor(method, path, status, code, apiMessage) {
        super(`${method} ${path}: HTTP ${status}${code ? ` (${code})` : ''}${apiMessage ? `: ${apiMessage}` : ''}`);
        this.method = method;
        this.path = path;
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
    }
}
/** No answer: connection refused or reset, DNS, timeout, or an answer we refuse (a redirect). */
class PlanetScaleNetworkError extends Error {
    name = 'PlanetScaleNetworkError';
    method;
    url;
    reason;
    constructor(method, url, reason) {
        super(`${method} ${url}: ${reason}`);
        this.method = method;
        this.url = url;
        this.reason = reason;
    }
}
/** PlanetScale answered success with a body we cannot use. */
class errors_PlanetScaleResponseError extends Error {
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

;// CONCATENATED MODULE: ./src/planetscale/client.ts
// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing.
//
// It uses Node's built-in fetch (undici inside Node), so the bundle carries no HTTP library and
// pays no start-up for one. Tests can pass an undici `dispatcher` (e.g. a MockAgent).


const DEFAULT_TIMEOUT_MS = 30_000;
function authorizationHeader(credential) {
    return credential.kind === 'service-token' ? `${credential.id}:${credential.token}` : `Bearer ${credential.token}`;
}
/**
 * `/v1/organizations/<org>/<segments…>` with every name encoded as one path segment. A segment
 * that is empty, `.` or `..` is refused: URL parsing would drop it or climb a level (even as %2E),
 * so an ID from an API answer could otherwise steer a call, with the credential, to another path.
 */
function client_organizationPath(org, ...segments) {
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
    /** Sends one request; resolves for 2xx, throws PlanetScaleApiError / PlanetScaleNetworkError otherwise. */
    async send(method, path, body) {
        const url = this.options.baseUrl + path;
        const started = performance.now();
        const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
        let response;
        try {
            response = await fetch(url, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                // The credential must never follow a redirect to another host; PlanetScale does not
                // redirect API calls, so any redirect is refused.
                redirect: 'manual',
                signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
                ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
            });
        }
        catch (error) {
            const reason = describeFetchFailure(error);
            this.options.debug?.(`PlanetScale API ${method} ${path} failed after ${elapsed(started)}: ${reason}`);
            throw new PlanetScaleNetworkError(method, url, reason);
        }
        const text = await response.text().catch(() => '');
        this.options.debug?.(`PlanetScale API ${method} ${path} -> ${response.status} in ${elapsed(started)}`);
        if (response.status >= 300 && response.status < 400) {
            throw new PlanetScaleNetworkError(method, url, `refused to follow a redirect (HTTP ${response.status}) so that the credential is not sent elsewhere`);
        }
        if (!response.ok) {
            const { code, message } = errorBody(text);
            // The code is shown too, so it gets the same treatment as the message: an API (or a proxy
            // in front of it) may echo the credential in either.
            const safe = (text) => (text === undefined ? undefined : redact(text, this.secrets));
            throw new PlanetScaleApiError(method, path, response.status, safe(code), safe(message));
        }
        return { status: response.status, body: (text ? safeJson(text) : undefined) };
    }
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
/** fetch rejects with "fetch failed" and the real reason in `cause`; never empty. */
function describeFetchFailure(error) {
    if (error instanceof Error) {
        if (error.name === 'TimeoutError')
            return 'timed out';
        const cause = error.cause;
        if (cause instanceof Error) {
            const code = cause.code;
            return code ? `${code}: ${cause.message}` : cause.message;
        }
        return error.message || error.name;
    }
    return String(error) || 'unknown error';
}

;// CONCATENATED MODULE: ./src/text.ts
/**
 * A value from the workflow or the API, shown inside a message: quoted and JSON-escaped, so a
 * newline in it cannot start a line of its own, and cut short only when huge (`limit` is above
 * the 63 characters of a token name, so a name is always shown whole).
 */
function show(value, limit = 100) {
    const clipped = value.length > limit ? `${value.slice(0, limit - 3)}...` : value;
    return JSON.stringify(clipped);
}

;// CONCATENATED MODULE: ./src/explain.ts
// Turning a failed API call into a message that says what happened and what to do. PlanetScale
// answers 404 for a missing permission, so a 404 names both causes: the thing does not exist, or
// the minting credential may not touch it.


function describe(op) {
    switch (op.kind) {
        case 'create':
            return `creating a service token in organization ${show(op.org)}`;
        case 'grant':
            return `granting ${op.request.accesses.join(', ')} on ${resource(op.request)}`;
        case 'delete':
            return `deleting service token ${show(op.tokenName)}`;
    }
}
function resource(request) {
    return request.resourceType === 'Organization'
        ? `organization ${show(request.resourceName)}`
        : `database ${show(request.resourceName)}`;
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
function explain(error, op) {
    const what = describe(op);
    if (error instanceof PlanetScaleApiError) {
        const status = `HTTP ${error.status}${error.code ? `, code ${show(error.code)}` : ''}`;
        // apiMessage is already redacted and cut to 300 characters: shown whole.
        const detail = error.apiMessage ? ` PlanetScale says: ${show(error.apiMessage, Infinity)}.` : '';
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
        return `PlanetScale failed ${what} (${status}).${detail}`;
    }
    if (error instanceof PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${what}: ${error.reason}.`;
    }
    const message = error instanceof Error ? error.message : String(error);
    return `Failed ${what}: ${message || 'unknown error'}.`;
}

;// CONCATENATED MODULE: ./src/planetscale/service-tokens.ts
// The service-token endpoints (shared/planetscale/API.md). Responses are checked for the fields
// this action relies on, and only those: the rest of PlanetScale's objects may change freely.


const isObject = (value) => typeof value === 'object' && value !== null;
async function createServiceToken(client, org, request) {
    const { body } = await client.send('POST', organizationPath(org, 'service-tokens'), {
        name: request.name,
        ttl: request.ttlSeconds,
    });
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
        await client.send('DELETE', client_organizationPath(org, 'service-tokens', id));
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
        await client.send('GET', client_organizationPath(org, 'service-tokens', id));
        return true;
    }
    catch (error) {
        if (error instanceof PlanetScaleApiError && error.status === 404)
            return false;
        throw error;
    }
}
/** IDs of the organization's service tokens named `name`, following `next_page` through every page. */
async function findServiceTokensNamed(client, org, name) {
    const ids = [];
    // Bounded, so a misbehaving API cannot keep us paging forever (100 pages of 100 tokens).
    for (let page = 1, pages = 0; page && pages < 100; pages++) {
        const { body } = await client.send('GET', `${client_organizationPath(org, 'service-tokens')}?page=${page}&per_page=100`);
        if (!isObject(body) || !Array.isArray(body['data']))
            throw new errors_PlanetScaleResponseError('PlanetScale answered the list call without a list of tokens');
        for (const token of body['data']) {
            if (isObject(token) && token['name'] === name && typeof token['id'] === 'string')
                ids.push(token['id']);
        }
        page = typeof body['next_page'] === 'number' && body['next_page'] > page ? body['next_page'] : 0;
    }
    return ids;
}

;// CONCATENATED MODULE: ./src/remove-token.ts
// Deleting a minted token, used by main (after a failure) and by post.
//
// PlanetScale answers 404 both for a token that is gone and for a caller that may not delete
// it, so a 404 is checked with a read: a token that can still be read was not deleted. When the
// ID was never learnt (a create whose answer was lost), the token is found by its unique name.




async function removeToken(client, org, id, name) {
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
            reason: `PlanetScale answered 404 to deleting service token ${show(name)}, and checking whether it still exists failed: ${explain(error, operation)}`,
        };
    }
    if (stillThere) {
        return {
            ok: false,
            reason: `PlanetScale answered 404 to deleting service token ${show(name)}, yet the token still exists: ` +
                'the minting credential lacks delete_service_tokens. Add it to the minting token.',
        };
    }
    return { ok: true, outcome: 'already-gone' };
}
/** Deletes every token named `name` (ours alone, by its random suffix). */
async function removeTokensNamed(client, org, name) {
    let ids;
    try {
        ids = await findServiceTokensNamed(client, org, name);
    }
    catch (error) {
        const refused = error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404);
        return {
            ok: false,
            reason: refused
                ? `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting credential lacks read_service_tokens, so a token named ${show(name)} cannot be looked for.`
                : `Listing service tokens to look for ${show(name)} failed: ${error instanceof Error ? error.message : String(error)}`,
        };
    }
    for (const id of ids) {
        const result = await removeToken(client, org, id, name);
        if (!result.ok)
            return result;
    }
    return { ok: true, removed: ids.length };
}

// EXTERNAL MODULE: ./src/runner.ts + 2 modules
var runner = __nccwpck_require__(783);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/state.ts
// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.

const STATE = {
    /** The full name of the token main is creating (written before the create call). */
    name: 'token-name',
    /** The minted token's ID (written as soon as the create call answers). */
    id: 'token-id',
    expiresAt: 'expires-at',
    org: 'org',
    apiUrl: 'api-url',
    cleanup: 'cleanup',
    /** The minting credential, sealed; see sealCredential. */
    sealedCredential: 'minting-credential',
    /** "true" once main knows no token of its is alive: it deleted it, or the create call surely failed. */
    settled: 'settled',
};
// With export-env on, main replaces env PLANETSCALE_SERVICE_TOKEN(_ID) with the minted token for
// every later step, post included; inputs that read those variables (`${{ env.… }}`) are
// evaluated again for post and change too. Post must still delete with the minting credential,
// so main keeps it in state, sealed (AES-256-GCM) under a key derived from the minted secret:
// post finds that secret in PLANETSCALE_SERVICE_TOKEN, and the state file alone reveals nothing.
function keyFrom(mintedSecret) {
    return (0,external_node_crypto_.createHash)('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}
function sealCredential(credential, mintedSecret) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFrom(mintedSecret), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(credential), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}
/** The sealed credential, or undefined when the key is wrong or the value was tampered with. */
function openCredential(sealed, mintedSecret) {
    try {
        const bytes = Buffer.from(sealed, 'base64url');
        const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12));
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
function mintSummary(options) {
    const rows = options.granted.map((g) => `| ${cell(g.resource_name)} | ${cell(g.resource_type)} | ${g.accesses.map((a) => `\`${cell(a)}\``).join(', ')} |`);
    const fate = options.cleanup
        ? 'It is deleted by this action\'s post step when the job ends.'
        : 'cleanup is false: it stays valid until it expires.';
    return [
        '### PlanetScale service token',
        '',
        '| Token | Organization | Expires |',
        '| --- | --- | --- |',
        `| \`${cell(options.name)}\` | ${cell(options.org)} | ${cell(options.expiresAt)} |`,
        '',
        '| Resource | Type | Accesses |',
        '| --- | --- | --- |',
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

;// CONCATENATED MODULE: ./src/cleanup.ts
// The post step: delete the token main minted, with the credential main minted it with.







/** Runs the post step; resolves to the process exit code. */
async function cleanup(env = process.env) {
    const id = runner/* getState */.Gu(STATE.id);
    const name = runner/* getState */.Gu(STATE.name);
    const expiresAt = runner/* getState */.Gu(STATE.expiresAt) || 'the end of its TTL';
    if (!name) {
        runner/* info */.pq('Nothing to clean up: the main step minted no token.');
        return 0;
    }
    if (runner/* getState */.Gu(STATE.settled) === 'true') {
        runner/* info */.pq(`Nothing to clean up: the main step left no token alive (${show(name)} was deleted or never created).`);
        return 0;
    }
    if (id && runner/* getState */.Gu(STATE.cleanup) === 'false') {
        runner/* info */.pq(`cleanup is false: leaving service token ${show(name)} valid until it expires at ${expiresAt}.`);
        return 0;
    }
    const org = runner/* getState */.Gu(STATE.org);
    const failed = (reason) => {
        runner/* error */.z3(`Could not delete service token ${show(name)}: ${reason} It stays valid until ${expiresAt}; ` +
            `delete it in PlanetScale (organization ${show(org)}, Settings > Service tokens) if that is too long.`);
        return 1;
    };
    const credential = mintingCredential(env, id);
    if (typeof credential === 'string')
        return failed(credential);
    const client = new PlanetScaleClient({
        baseUrl: runner/* getState */.Gu(STATE.apiUrl),
        credential,
        debug: runner/* isDebug */._o() ? runner/* debug */.Yz : undefined,
    });
    if (!id) {
        // Main began creating the token but never learnt its ID (cancelled, or the answer was lost).
        runner/* info */.pq(`The main step did not learn whether service token ${show(name)} was created: looking for it by name.`);
        const found = await removeTokensNamed(client, org, name);
        if (!found.ok)
            return failed(found.reason);
        runner/* info */.pq(found.removed > 0 ? `Deleted service token ${show(name)}.` : `No service token named ${show(name)} exists: nothing to clean up.`);
        if (found.removed > 0)
            runner/* appendSummary */.fe(deletedSummary(name, 'deleted'));
        return 0;
    }
    const result = await removeToken(client, org, id, name);
    if (!result.ok)
        return failed(result.reason);
    runner/* info */.pq(result.outcome === 'deleted'
        ? `Deleted service token ${show(name)}.`
        : `Service token ${show(name)} was already gone (deleted elsewhere, or expired and removed).`);
    runner/* appendSummary */.fe(deletedSummary(name, result.outcome));
    return 0;
}
/**
 * The credential main minted with: the sealed copy main kept when export-env was on (it then
 * replaced env PLANETSCALE_SERVICE_TOKEN*, and inputs reading env change with it), else the
 * inputs (evaluated again for post) or env. Returns an explanation when there is none.
 */
function mintingCredential(env, mintedId) {
    const sealed = runner/* getState */.Gu(STATE.sealedCredential);
    if (sealed) {
        const opened = openCredential(sealed, (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
        if (opened) {
            if (opened.kind === 'service-token')
                runner/* setSecret */.Pq(opened.id);
            runner/* setSecret */.Pq(opened.token);
            return opened;
        }
    }
    const parsed = parseCredential(runner/* getInput */.V4, env);
    if (!parsed.ok)
        return `the minting credential is no longer available (${parsed.errors.map((e) => e.message).join(' ')})`;
    const credential = parsed.value;
    if (credential.kind === 'service-token' && mintedId && credential.id === mintedId) {
        return ('the minting credential could not be recovered: PLANETSCALE_SERVICE_TOKEN(_ID) and the inputs now hold the minted token ' +
            '(did a later step, or another use of this action, change PLANETSCALE_SERVICE_TOKEN?).');
    }
    return credential;
}


/***/ }),

/***/ 661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(136);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(783);
// Entry point of the post step (runs.post). See cleanup.ts.


process.exitCode = await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanup */ .t)().catch((e) => {
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  Pq: () => (/* binding */ setSecret)
});

// UNUSED EXPORTS: exportVariable, saveState, setOutput, warning

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner.ts
// The GitHub runner's interface, as shared/runner/CONTRACT.md describes it: inputs from INPUT_*,
// state from STATE_*, workflow commands on stdout, and the file commands (GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY).
//
// Why not @actions/core: bundled, it costs ~55 ms of start-up on every step of every job that
// uses this action (it pulls in @actions/http-client, undici and @actions/exec for OIDC and
// platform helpers we never call). The part we use is this file.



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
    const token = (0,external_node_crypto_.randomUUID)();
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
    appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
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

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

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
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
