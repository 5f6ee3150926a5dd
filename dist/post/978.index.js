export const id = 978;
export const ids = [978];
export const modules = {

/***/ 978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanup: () => (/* binding */ cleanup)
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

// EXTERNAL MODULE: ./src/nothing-to-clean.ts
var nothing_to_clean = __webpack_require__(810);
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
async function httpFetch(url, init) {
    const target = new URL(url);
    // Loaded on first use: https (and TLS) only when the URL asks for it.
    const { request } = target.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 67, 23));
    return new Promise((resolve, reject) => {
        const failure = (cause) => (init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed', { cause }));
        const req = request(target, { method: init.method, headers: init.headers, signal: init.signal }, (res) => {
            const body = new Promise((done, fail) => {
                const chunks = [];
                res.on('data', (chunk) => chunks.push(chunk));
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
// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing.
//
// It uses Node's built-in fetch (undici inside Node), so the bundle carries no HTTP library and
// pays no start-up for one. Tests can pass an undici `dispatcher` (e.g. a MockAgent).



const DEFAULT_TIMEOUT_MS = 30_000;
function authorizationHeader(credential) {
    return credential.kind === 'service-token' ? `${credential.id}:${credential.token}` : `Bearer ${credential.token}`;
}
/** `/v1/organizations/<org>/<segments…>` with every name encoded as one path segment. */
function client_organizationPath(org, ...segments) {
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
            const init = {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
            };
            // The credential must never follow a redirect to another host; PlanetScale does not
            // redirect API calls, so any redirect is refused (httpFetch never follows one). A test's
            // undici dispatcher (MockAgent) only works with the global fetch.
            const { dispatcher } = this.options;
            response = dispatcher ? await fetch(url, { ...init, redirect: 'manual', dispatcher }) : await httpFetch(url, init);
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
            throw new PlanetScaleApiError(method, path, response.status, code, message === undefined ? undefined : redact(message, this.secrets));
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

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(992);
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
                ? `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting credential lacks read_service_tokens, so a token named ${(0,src_text/* show */.W)(name)} cannot be looked for.`
                : `Listing service tokens to look for ${(0,src_text/* show */.W)(name)} failed: ${error instanceof Error ? error.message : String(error)}`,
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
var runner = __webpack_require__(783);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: ./src/state-keys.ts
var state_keys = __webpack_require__(507);
;// CONCATENATED MODULE: ./src/state.ts
// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.


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
    const id = runner/* getState */.Gu(state_keys/* STATE */.c.id);
    const name = runner/* getState */.Gu(state_keys/* STATE */.c.name);
    const expiresAt = runner/* getState */.Gu(state_keys/* STATE */.c.expiresAt) || 'the end of its TTL';
    const nothing = (0,nothing_to_clean/* nothingToCleanUp */.z)(runner/* getState */.Gu);
    if (nothing) {
        runner/* info */.pq(nothing);
        return 0;
    }
    const org = runner/* getState */.Gu(state_keys/* STATE */.c.org);
    const failed = (reason) => {
        runner/* error */.z3(`Could not delete service token ${(0,src_text/* show */.W)(name)}: ${reason} It stays valid until ${expiresAt}; ` +
            `delete it in PlanetScale (organization ${(0,src_text/* show */.W)(org)}, Settings > Service tokens) if that is too long.`);
        return 1;
    };
    const credential = mintingCredential(env, id);
    if (typeof credential === 'string')
        return failed(credential);
    const client = new PlanetScaleClient({
        baseUrl: runner/* getState */.Gu(state_keys/* STATE */.c.apiUrl),
        credential,
        debug: runner/* isDebug */._o() ? runner/* debug */.Yz : undefined,
    });
    if (!id) {
        // Main began creating the token but never learnt its ID (cancelled, or the answer was lost).
        runner/* info */.pq(`The main step did not learn whether service token ${(0,src_text/* show */.W)(name)} was created: looking for it by name.`);
        const found = await removeTokensNamed(client, org, name);
        if (!found.ok)
            return failed(found.reason);
        runner/* info */.pq(found.removed > 0 ? `Deleted service token ${(0,src_text/* show */.W)(name)}.` : `No service token named ${(0,src_text/* show */.W)(name)} exists: nothing to clean up.`);
        if (found.removed > 0)
            runner/* appendSummary */.fe(deletedSummary(name, 'deleted'));
        return 0;
    }
    const result = await removeToken(client, org, id, name);
    if (!result.ok)
        return failed(result.reason);
    runner/* info */.pq(result.outcome === 'deleted'
        ? `Deleted service token ${(0,src_text/* show */.W)(name)}.`
        : `Service token ${(0,src_text/* show */.W)(name)} was already gone (deleted elsewhere, or expired and removed).`);
    runner/* appendSummary */.fe(deletedSummary(name, result.outcome));
    return 0;
}
/**
 * The credential main minted with: the sealed copy main kept when export-env was on (it then
 * replaced env PLANETSCALE_SERVICE_TOKEN*, and inputs reading env change with it), else the
 * inputs (evaluated again for post) or env. Returns an explanation when there is none.
 */
function mintingCredential(env, mintedId) {
    const sealed = runner/* getState */.Gu(state_keys/* STATE */.c.sealedCredential);
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


/***/ })

};
