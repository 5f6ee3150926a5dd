export const id = 419;
export const ids = [419];
export const modules = {

/***/ 4419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanup: () => (/* binding */ cleanup)
});

// UNUSED EXPORTS: POST_DEADLINE_MS, POST_RATE_LIMITED_DEADLINE_MS, recordedApiUrl

;// CONCATENATED MODULE: ./src/inputs/parsed.ts
// The result of reading an input: a value, or errors that say which input, what is wrong and
// what would be right. Shared by every parser; no I/O.
/** How an error reads in the log: which input, what is wrong, what would be right. */
function formatInputError(e) {
    return `Input "${e.input}": ${e.message}`;
}
const fail = (input, message) => ({ ok: false, errors: [{ input, message }] });

;// CONCATENATED MODULE: ./src/inputs/minting-credential.ts
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
        return fail('api-token', 'is set together with minting-token-id/minting-token: give one minting token, not both.');
    }
    if (apiToken) {
        const problem = credentialProblem(apiToken);
        return problem ? fail('api-token', problem) : { ok: true, value: { kind: 'api-token', token: apiToken, source: 'input' } };
    }
    if (id || token)
        return servicePair(id, token, 'input', 'minting-token-id', 'minting-token', withheld);
    // Both inputs empty: fall back to the variables pscale itself reads.
    const envId = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    const envToken = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
    if (envId || envToken) {
        return servicePair(envId, envToken, 'env', 'PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN', withheld);
    }
    return fail('minting-token', 'no minting token: minting-token-id, minting-token and api-token are empty, and so are env ' +
        `PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN. ${secretsHint(withheld)}`);
}
function servicePair(id, token, source, idName, tokenName, withheld) {
    if (!id)
        return fail(idName, `is empty while ${tokenName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
    if (!token)
        return fail(tokenName, `is empty while ${idName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
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

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
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
        return fail('api-url', `is not a URL: ${hint}.`);
    }
    // Checked first, and the value not echoed: a user:password in the URL is a credential.
    if (url.username || url.password) {
        return fail('api-url', `carries a user name or password, which must not be there: ${hint}.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        return fail('api-url', `${(0,report_text/* show */.WU)(value)} is not https: the minting token is only ever sent over https (http only to a loopback host); ${hint}.`);
    }
    if (url.search || url.hash)
        return fail('api-url', `${(0,report_text/* show */.WU)(value)} has a query or a fragment: ${hint}.`);
    return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 5 modules
var core = __webpack_require__(5049);
;// CONCATENATED MODULE: ./src/steps/post/trust.ts
// The certificates post trusts: those main trusted. Node reads NODE_EXTRA_CA_CERTS when the
// process starts, so a later step that writes another one to GITHUB_ENV would otherwise choose
// whom post's TLS trusts with the minting token.



/**
 * undefined when post runs with main's NODE_EXTRA_CA_CERTS (Node's default trust is main's);
 * else, with a warning, Node's bundled roots plus the file main named, read again.
 */
function trustAsMain(recorded, env) {
    const now = env['NODE_EXTRA_CA_CERTS'] ?? '';
    if (now === recorded)
        return undefined;
    core/* warning */.$e('NODE_EXTRA_CA_CERTS changed after the main step (a later step wrote to GITHUB_ENV?). ' +
        'The post step trusts only the certificates the main step trusted.');
    if (!recorded)
        return external_node_tls_.rootCertificates;
    try {
        return [...external_node_tls_.rootCertificates, (0,external_node_fs_.readFileSync)(recorded, 'utf8')];
    }
    catch {
        core/* warning */.$e('The CA file the main step trusted (NODE_EXTRA_CA_CERTS) can no longer be read: the post step trusts only the public roots.');
        return external_node_tls_.rootCertificates;
    }
}

;// CONCATENATED MODULE: ./src/planetscale/version.ts
// Sent in the User-Agent. A test keeps it equal to package.json's version.
const ACTION_NAME = 'planetscale-token-action';
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/planetscale/errors.ts
// What can go wrong talking to PlanetScale, as values the rest of the action can explain.
/** PlanetScale answered, with a status that is not success. */
class errors_PlanetScaleApiError extends Error {
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
class errors_PlanetScaleNetworkError extends Error {
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
 * Text from an API body, safe to show: one line, at most 300 characters, with every occurrence
 * of `knownSecrets` and anything shaped like a PlanetScale token secret replaced by ***.
 * What each covers is found in the original text and the spans merged before anything is
 * replaced: replacing one after another cuts a secret in two wherever they overlap (a pattern
 * stops at the `.`, `+` or `/` of a secret and leaves its tail; a short secret inside a
 * token-shaped word breaks the pattern's match).
 */
function redact(text, knownSecrets = []) {
    const spans = [];
    for (const secret of knownSecrets) {
        if (!secret)
            continue;
        for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1))
            spans.push([at, at + secret.length]);
    }
    for (const match of text.matchAll(/pscale_[a-z]+_[A-Za-z0-9_-]+/g))
        spans.push([match.index, match.index + match[0].length]);
    spans.sort((a, b) => a[0] - b[0]);
    let safe = '';
    let done = 0;
    for (const [start, end] of spans) {
        if (end <= done)
            continue;
        if (start >= done)
            safe += `${text.slice(done, start)}***`;
        done = end;
    }
    safe += text.slice(done);
    safe = safe.replace(/\s+/g, ' ').trim();
    return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : safe;
}

;// CONCATENATED MODULE: ./src/planetscale/retry.ts
// When to try a PlanetScale call again, and how long to wait first. Pure functions: the client
// (client.ts) does the waiting and the logging.
//
// The numbers are small on purpose: a job waits for this step, and an unreachable API must fail
// within a minute. Five attempts with full jitter over 250 ms, 500 ms, 1 s, 2 s wait about 1.9 s
// on average in all; a Retry-After is honoured up to 10 s, and a 429 gets more attempts.

const DEFAULT_RETRY_POLICY = {
    attempts: 5,
    rateLimitedAttempts: 12,
    baseMs: 250,
    capMs: 4_000,
    retryAfterCapMs: 10_000,
};
/** Statuses that say "not now" rather than "no": the same call may succeed later. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/**
 * Network error codes that mean the request never left: nothing can have been acted on.
 * EPROXYREFUSED and ENOTSENT are the client's own (client.ts): a proxy refused to open the
 * tunnel; the call was refused before it was sent (cancelled, or out of time).
 */
const NOT_SENT_CODES = new Set([
    'ENOTSENT',
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
    'EPROXYREFUSED',
]);
/** Whether PlanetScale refused the call for the credential's rate limit: it is well, and asks us to wait. */
function isRateLimited(error) {
    return error instanceof errors_PlanetScaleApiError && error.status === 429;
}
/**
 * The time after which a call starts no attempt and waits for no retry: `rateLimitedDeadline`
 * while every failure of the call so far was a 429 (`onlyRateLimited`), else `deadline`. Many
 * jobs sharing one minting token share its budget of requests, so under a rate limit what
 * a call is worth decides how long it waits: post's delete waits longer (a token left alive
 * costs more than a step that ends late, and a rate limit is sure to end), main's create gives
 * up sooner (it made nothing, so nothing is lost, and the budget goes to the grants and deletes
 * of tokens that exist). Any other failure keeps the usual deadline.
 */
function retryDeadline(deadline, rateLimitedDeadline, onlyRateLimited) {
    return onlyRateLimited && rateLimitedDeadline !== undefined ? rateLimitedDeadline : deadline;
}
/** How many calls in all `policy` allows, given the last failure. */
function attemptsAllowed(error, policy) {
    return isRateLimited(error) ? policy.rateLimitedAttempts : policy.attempts;
}
function isRetryable(error) {
    if (error instanceof errors_PlanetScaleApiError)
        return RETRYABLE_STATUSES.has(error.status);
    if (error instanceof errors_PlanetScaleNetworkError)
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
    if (error instanceof errors_PlanetScaleApiError)
        return `HTTP ${error.status}${error.code ? ` (${error.code})` : ''}`;
    if (error instanceof errors_PlanetScaleNetworkError)
        return error.reason;
    return errorMessage(error);
}
function formatWait(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** What an error says: never empty (an Error without a message gives its name). */
function errorMessage(error) {
    return (error instanceof Error ? error.message || error.name : String(error)) || 'unknown error';
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/dispatcher.js
var dispatcher = __webpack_require__(883);
var dispatcher_default = /*#__PURE__*/__webpack_require__.n(dispatcher);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var dispatcher_agent = __webpack_require__(7405);
var agent_default = /*#__PURE__*/__webpack_require__.n(dispatcher_agent);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/env-http-proxy-agent.js
var env_http_proxy_agent = __webpack_require__(3137);
var env_http_proxy_agent_default = /*#__PURE__*/__webpack_require__.n(env_http_proxy_agent);
// EXTERNAL MODULE: ./node_modules/undici/lib/core/connect.js
var connect = __webpack_require__(9136);
var connect_default = /*#__PURE__*/__webpack_require__.n(connect);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/index.js
var api = __webpack_require__(6615);
;// CONCATENATED MODULE: ./src/planetscale/undici.ts





// As undici's entry does: every dispatcher gets request() and connect() (ProxyAgent opens its
// tunnels with connect()).
Object.assign((dispatcher_default()).prototype, api);

/** undici's `request` for a call that names its dispatcher: the URL split into origin and path, as its entry does. */
function request(url, options) {
    const { dispatcher, ...rest } = options;
    const { origin, pathname, search } = new URL(url);
    return dispatcher.request({ ...rest, origin, path: search ? `${pathname}${search}` : pathname });
}

;// CONCATENATED MODULE: ./src/planetscale/dispatcher.ts
// The connections a step's API calls go over: one undici keep-alive Agent per step, with
// connect, headers and body timeouts, a cap on the answer's size, TLS always verified, no
// redirects followed, and the proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// and their lower-case forms, as curl and pscale read them).
//
// The step destroys it when it ends (`await using`), so no socket keeps the process alive.
//
// Main opens the connections its grant calls will need while the create call is in flight
// (preconnect): a new https connection costs a TCP and a TLS round trip before the request's own,
// so the grants, sent at once after the create, would otherwise wait 3 round trips instead of 1.

/** The largest answer read: no PlanetScale call needs more (a page of 100 tokens is well under 1 MiB); a broken or hostile server must not fill the runner's memory. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Each of: opening a connection, waiting for an answer's headers, a pause within its body. */
const SOCKET_TIMEOUT_MS = 10_000;
/** The variables that name a proxy, as curl, pscale and undici read them. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** The variables that exempt hosts from the proxy. */
const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'];
/** Lower case first, as undici and curl read them. */
const proxyIn = (env, name) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
/**
 * What is wrong with the proxy variables, if anything, for calls to `apiUrl`. The value is never
 * echoed: a proxy URL may carry a user name and password.
 */
function proxyProblem(env, apiUrl) {
    if (apiUrl.startsWith('http:'))
        return undefined; // never proxied (stepDispatcher)
    const problems = ['https_proxy', 'http_proxy']
        .map((name) => proxyIn(env, name))
        .map((value) => (value === undefined ? undefined : proxyUrlProblem(value)));
    const problem = problems.find((p) => p !== undefined);
    if (!problem)
        return undefined;
    const names = PROXY_VARIABLES.filter((name) => env[name]);
    return `The proxy set in ${names.join(' / ')} ${problem}: give one such as "http://proxy.example:3128".`;
}
/** What keeps `value` from being a proxy's URL, if anything; never echoes it. */
function proxyUrlProblem(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'is not a URL';
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
        return 'is not a URL';
    // undici takes only scheme, host, port and credentials; anything more fails each call late.
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
        return 'has a path, query or fragment, which a proxy URL cannot have';
    return undefined;
}
/**
 * The step's dispatcher; check proxyProblem(env) first. A loopback API over http (the only http
 * inputs/config.ts allows) never goes through a proxy: the credential would travel to it in clear. This
 * is decided here, whatever Node's own proxy settings (NODE_USE_ENV_PROXY) say, since every call
 * is given this dispatcher.
 */
function stepDispatcher(env, apiUrl, ca) {
    // rejectUnauthorized is set, not left to the default, so that NODE_TLS_REJECT_UNAUTHORIZED=0 in
    // a job's env cannot turn verification off. NODE_EXTRA_CA_CERTS (a corporate CA) still applies,
    // unless `ca` names the certificates to trust instead.
    const tls = { rejectUnauthorized: true, timeout: SOCKET_TIMEOUT_MS, ...(ca ? { ca: [...ca] } : {}) };
    const options = {
        connect: tls,
        headersTimeout: SOCKET_TIMEOUT_MS,
        bodyTimeout: SOCKET_TIMEOUT_MS,
        maxResponseSize: MAX_BODY_BYTES,
        // No redirect is followed: a 3xx is an answer (client.ts refuses it), so the credential is never sent elsewhere.
        maxRedirections: 0,
    };
    // The API is https (or loopback http, never proxied): HTTPS_PROXY is the one that applies, as
    // for curl, pscale and Node. Every value is passed, so that undici never reads process.env.
    const httpsProxy = apiUrl.startsWith('https:') ? proxyIn(env, 'https_proxy') : undefined;
    if (httpsProxy === undefined)
        return preconnecting(options, connect_default()(tls));
    // EnvHttpProxyAgent hands these to its ProxyAgent (its type does not list them): TLS to the
    // API inside the tunnel (requestTls), and to an https proxy (proxyTls).
    const proxied = {
        ...options,
        httpProxy: '',
        httpsProxy,
        noProxy: proxyIn(env, 'no_proxy') ?? '',
        requestTls: tls,
        proxyTls: tls,
    };
    return disposable(new (env_http_proxy_agent_default())(proxied), { preconnect: () => { } });
}
/** An Agent whose new connections come first from those opened ahead (preconnect). */
function preconnecting(options, connector) {
    const ready = [];
    const keyOf = (o) => `${o.protocol}//${o.hostname}:${o.port || (o.protocol === 'https:' ? '443' : '80')}`;
    const open = (o) => new Promise((resolve, reject) => connector(o, (error, socket) => (error ? reject(error) : resolve(socket))));
    const agent = new (agent_default())({
        ...options,
        connect: (o, callback) => {
            const index = ready.findIndex((r) => r.key === keyOf(o));
            if (index < 0)
                return connector(o, callback);
            const { socket } = ready.splice(index, 1)[0];
            // One that failed or closed meanwhile is replaced by a connection of the call's own.
            socket.then((s) => (s.destroyed ? connector(o, callback) : callback(null, s)), () => connector(o, callback));
        },
    });
    return disposable(agent, {
        preconnect: (origin, count) => {
            const url = new URL(origin);
            const port = url.port || (url.protocol === 'https:' ? '443' : '80');
            const o = {
                protocol: url.protocol,
                hostname: url.hostname,
                host: url.host,
                port,
                servername: url.protocol === 'https:' ? url.hostname : undefined,
            };
            for (let i = 0; i < count; i++) {
                const socket = open(o);
                socket.catch(() => { }); // a failure is the call's to meet, when it opens its own
                ready.push({ key: keyOf(o), socket });
            }
        },
        // Those never taken are closed with the step.
        onDestroy: () => ready.splice(0).forEach((r) => void r.socket.then((s) => s.destroy(), () => { })),
    });
}
function disposable(dispatcher, extra) {
    return Object.assign(dispatcher, {
        preconnect: extra.preconnect,
        [Symbol.asyncDispose]: () => {
            extra.onDestroy?.();
            return dispatcher.destroy();
        },
    });
}

;// CONCATENATED MODULE: ./src/planetscale/client.ts
// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing,
// retries (retry.ts decides, this file waits and logs), a per-request timeout, an overall
// deadline, and cancellation.
//
// It sends with undici's `request` over the step's dispatcher (dispatcher.ts: keep-alive,
// timeouts, TLS, proxy, no redirects); tests pass a MockAgent instead.






/**
 * The least time to start a create call with (SendOptions.minTimeMs): with less, its answer could
 * not be waited for, and a token could be made that we never learn of.
 */
const client_MIN_CALL_MS = 2_000;
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
    /** The minting token's own ID (none for an OAuth token): never a minted token's. */
    ownTokenId;
    /** `secrets` is shared with the clients derived from this one, so that hide() reaches them all. */
    constructor(options, secrets) {
        this.options = options;
        this.headers = {
            Accept: 'application/json',
            Authorization: authorizationHeader(options.credential),
            'User-Agent': `${ACTION_NAME}/${ACTION_VERSION}`,
        };
        const { credential } = options;
        this.secrets = secrets ?? [
            ...(credential.kind === 'service-token' ? [credential.id, credential.token] : [credential.token]),
            ...(options.alsoHide ?? []),
        ];
        this.ownTokenId = credential.kind === 'service-token' ? credential.id : undefined;
    }
    /**
     * Hides `value` from the text of every later API error of this client and those derived from
     * it: the runner masks whole values only, and an error's text may be cut in the middle of one.
     */
    hide(value) {
        if (value && !this.secrets.includes(value))
            this.secrets.push(value);
    }
    /** The same client with other limits, e.g. a fresh deadline and no cancellation for cleaning up. */
    derive(overrides) {
        return new PlanetScaleClient({ ...this.options, ...overrides }, this.secrets);
    }
    /**
     * Sends a request, retrying what may succeed later (retry.ts) until the attempts or the
     * deadline run out; resolves for 2xx, throws PlanetScaleApiError / PlanetScaleNetworkError
     * (with `attempts` set) otherwise.
     */
    async send(method, path, body, sendOptions = {}) {
        // Our own loop, not undici's RetryAgent / retry interceptor: that one aborts a retried status
        // before its body is read, so PlanetScale's code and message would be lost from the log line
        // and the final error; it retries no POST, where create must first be reconciled by name
        // (beforeRetry, an API call of its own); and it knows neither the step's deadline (a retry
        // must leave its call minTimeMs) nor that a 429 earns more attempts than other failures.
        const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
        const minTimeMs = sendOptions.minTimeMs ?? 0;
        const usualDeadline = this.options.deadline ?? Infinity;
        let deadline = usualDeadline;
        let onlyRateLimited = true;
        let passedUsualDeadline = false;
        for (let attempt = 1;; attempt++) {
            try {
                return await this.sendOnce(method, path, body, minTimeMs, deadline);
            }
            catch (error) {
                onlyRateLimited &&= isRateLimited(error);
                deadline = retryDeadline(usualDeadline, this.options.rateLimitedDeadline, onlyRateLimited);
                const allowed = attemptsAllowed(error, policy);
                const wait = isRetryable(error) && attempt < allowed ? retryDelayMs(attempt, policy, retryAfterOf(error)) : undefined;
                const giveUp = () => {
                    if (error instanceof errors_PlanetScaleApiError || error instanceof errors_PlanetScaleNetworkError)
                        error.attempts = attempt;
                    return error;
                };
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
                this.options.log?.(`PlanetScale API ${method} ${path}: attempt ${attempt}${Number.isFinite(allowed) ? ` of ${allowed}` : ''} failed (${describeFailure(error)}); ` +
                    `retrying in ${formatWait(wait)}${retryAfter !== undefined ? ` (Retry-After: ${formatWait(retryAfter)}${cappedNote})` : ''}.`);
                // Once, as the wait first reaches past the usual time limit.
                if (!passedUsualDeadline && Date.now() + wait + minTimeMs >= usualDeadline) {
                    passedUsualDeadline = true;
                    this.options.log?.(`PlanetScale API ${method} ${path}: rate-limited (HTTP 429) on every attempt, past the usual time limit; ` +
                        `trying on for at most ${formatWait(deadline - Date.now())} more rather than give up.`);
                }
                // A timer that fires late (a busy runner) may leave the retry no time: the failure to
                // report is then still this call's own, not a retry refused before it was sent.
                if (!(await this.pause(wait)) || Date.now() + minTimeMs >= deadline)
                    throw giveUp();
            }
        }
    }
    /** Whether a wait of `ms` started now ends before the deadline: one that ends past it is not worth starting. */
    waitEndsInTime(ms) {
        return Date.now() + ms < (this.options.deadline ?? Infinity);
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
    async sendOnce(method, path, body, minTimeMs, deadline) {
        const url = this.options.baseUrl + path;
        const started = performance.now();
        const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
        const { signal: cancelled } = this.options;
        // Refused before anything is sent (code NOT_SENT): nothing can have been acted on.
        if (cancelled?.aborted)
            throw new errors_PlanetScaleNetworkError(method, url, 'cancelled', { code: NOT_SENT, retryable: false });
        const remaining = deadline - Date.now();
        if (remaining <= 0 || remaining < minTimeMs) {
            throw new errors_PlanetScaleNetworkError(method, url, 'the time limit for talking to PlanetScale ran out', {
                code: NOT_SENT,
                retryable: false,
            });
        }
        const limitMs = Math.min(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, remaining);
        const timeout = AbortSignal.timeout(limitMs);
        // The backstop: should the dispatcher not heed the signal, the step's connections are closed
        // and the attempt fails a moment later, so no client bug can outlive the step's limits.
        const watchdog = stopAfter(limitMs + WATCHDOG_GRACE_MS, cancelled, this.options.dispatcher, method, url);
        try {
            return await this.attempt(method, path, url, body, headers, started, cancelled ? AbortSignal.any([timeout, cancelled]) : timeout, watchdog.fired);
        }
        finally {
            watchdog.clear();
        }
    }
    async attempt(method, path, url, body, headers, started, signal, watchdog) {
        const { signal: cancelled } = this.options;
        let response;
        try {
            response = await Promise.race([
                request(url, {
                    method,
                    headers,
                    body: body === undefined ? undefined : JSON.stringify(body),
                    signal,
                    dispatcher: this.options.dispatcher,
                }),
                watchdog,
            ]);
        }
        catch (error) {
            if (error instanceof errors_PlanetScaleNetworkError)
                throw error; // the watchdog's
            const { reason, code, retryable } = describeRequestFailure(error);
            const wasCancelled = cancelled?.aborted === true;
            this.options.debug?.(`PlanetScale API ${method} ${path} failed after ${elapsed(started)}: ${wasCancelled ? 'cancelled' : reason}`);
            throw new errors_PlanetScaleNetworkError(method, url, wasCancelled ? 'cancelled' : reason, { code, retryable: retryable && !wasCancelled });
        }
        let text;
        try {
            text = await Promise.race([response.body.text(), watchdog]);
        }
        catch (error) {
            if (error instanceof errors_PlanetScaleNetworkError)
                throw error; // the watchdog's
            // The headers came, the body did not: as ambiguous as a lost answer.
            const { reason, code, retryable } = describeRequestFailure(error);
            throw new errors_PlanetScaleNetworkError(method, url, `the answer (HTTP ${response.statusCode}) was cut off: ${reason}`, {
                code,
                retryable: retryable && !cancelled?.aborted,
            });
        }
        // undici marks the connection free only once the I/O callback that read the answer returns:
        // a call sent before then (the next one of a sequence) would open a new connection, which
        // costs TCP and TLS round trips on top of its own.
        await (0,promises_.setImmediate)();
        const status = response.statusCode;
        this.options.debug?.(`PlanetScale API ${method} ${path} -> ${status} in ${elapsed(started)}`);
        // The credential must never follow a redirect to another host; PlanetScale does not redirect
        // API calls, so a redirect is refused (the dispatcher never follows one).
        if (status >= 300 && status < 400) {
            throw new errors_PlanetScaleNetworkError(method, url, `refused to follow a redirect (HTTP ${status}) so that the credential is not sent elsewhere`, {
                retryable: false,
            });
        }
        if (status < 200 || status >= 300) {
            const { code, message } = errorBody(text);
            const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), Date.now());
            // The code is shown too, so it gets the same treatment as the message: an API (or a proxy
            // in front of it) may echo the credential in either.
            const safe = (text) => (text === undefined ? undefined : redact(text, this.secrets));
            throw new errors_PlanetScaleApiError(method, path, status, safe(code), safe(message), retryAfter);
        }
        const date = Date.parse(headerValue(response.headers['date']) ?? '');
        return Number.isNaN(date)
            ? { status, body: (text ? safeJson(text) : undefined) }
            : { status, body: (text ? safeJson(text) : undefined), date };
    }
}
/** How long past an attempt's own limit the watchdog waits for the dispatcher to end it. */
const WATCHDOG_GRACE_MS = 1_000;
/**
 * A timer that, after `ms` (or the grace after `cancelled` fires), destroys the dispatcher (every
 * connection of the step, so that nothing keeps the process alive or spinning) and rejects
 * `fired`. Unref'd: it never holds the step open.
 */
function stopAfter(ms, cancelled, dispatcher, method, url) {
    let reject = () => { };
    const fired = new Promise((_, r) => (reject = r));
    fired.catch(() => { }); // raced only while the attempt runs
    const fire = () => {
        dispatcher.destroy().catch(() => { });
        reject(new errors_PlanetScaleNetworkError(method, url, 'the connection did not end at the time limit, so the step closed its connections', {
            code: 'EWATCHDOG',
            retryable: false,
        }));
    };
    let timer = setTimeout(fire, ms).unref();
    const onCancel = () => {
        clearTimeout(timer);
        timer = setTimeout(fire, WATCHDOG_GRACE_MS).unref();
    };
    cancelled?.addEventListener('abort', onCancel, { once: true });
    return {
        fired,
        clear: () => {
            clearTimeout(timer);
            cancelled?.removeEventListener('abort', onCancel);
        },
    };
}
function retryAfterOf(error) {
    return error instanceof errors_PlanetScaleApiError && (error.status === 429 || error.status === 503) ? error.retryAfterMs : undefined;
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
function headerValue(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
/** A proxy refused to open a tunnel: the request never reached PlanetScale (see retry.ts). */
const PROXY_REFUSED = 'EPROXYREFUSED';
/**
 * What a failed request says happened: undici rejects with the socket's error or one of its own
 * (code UND_ERR_…), the real reason sometimes a cause or two deeper; with the signal's reason
 * when it aborted. The deepest message and the first string code are what say what happened.
 * The reason is never empty; `retryable` is false for what a retry cannot fix.
 */
function describeRequestFailure(error) {
    if (!(error instanceof Error))
        return { reason: String(error) || 'unknown error', retryable: true };
    if (error.name === 'TimeoutError')
        return { reason: 'timed out', code: 'ETIMEDOUT', retryable: true };
    let code;
    let message = '';
    for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
        const own = cause.code;
        if (typeof own === 'string' && !code)
            code = own;
        // An AggregateError (every address refused) has an empty message but a code.
        if (cause.message)
            message = cause.message;
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
        return { reason: 'timed out', code, retryable: true };
    // The answer will not shrink when asked again.
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE')
        return { reason: `the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`, code, retryable: false };
    // undici's ProxyAgent: "Proxy response (403) !== 200 when HTTP Tunneling".
    const refused = /^Proxy response \((\d+)\)/.exec(message);
    if (refused)
        return { reason: `${PROXY_REFUSED}: the proxy refused to open a tunnel (HTTP ${refused[1]})`, code: PROXY_REFUSED, retryable: true };
    // undici's ProxyAgent: the proxy took the connection and closed it instead of answering CONNECT
    // (how some proxies refuse a host). Nothing reached PlanetScale.
    if (code === 'UND_ERR_PRX_CONN')
        return {
            reason: `${PROXY_REFUSED}: the proxy closed the connection instead of opening a tunnel`,
            code: PROXY_REFUSED,
            retryable: true,
        };
    if (!message && !code)
        return { reason: error.message || error.name, retryable: true };
    return { reason: code ? `${code}: ${message || 'no message'}` : message, code, retryable: true };
}

;// CONCATENATED MODULE: ./src/state/proxy-settings.ts
// The proxy settings main ran with, recorded in state for post. Every later step of the job can
// write HTTPS_PROXY or NO_PROXY to GITHUB_ENV before post runs; post would then send the minting
// credential wherever that step chose. So post uses what main used, and warns when env differs.

/** What decides where the API calls go: the variables the dispatcher reads. */
const proxy_settings_PROXY_VARIABLES = [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES];
/** The proxy variables `env` sets (empty ones are unset). */
function proxySettingsOf(env) {
    const settings = {};
    for (const name of proxy_settings_PROXY_VARIABLES)
        if (env[name])
            settings[name] = env[name];
    return settings;
}
/**
 * The settings as main saves them, or undefined when there are none (the usual case: no state
 * key, nothing to log). `secret` when a value may carry a user name and password (`user:pw@`):
 * the runner prints saved state with debug on, so the caller masks the value first.
 */
function recordProxySettings(env) {
    const settings = proxySettingsOf(env);
    if (Object.keys(settings).length === 0)
        return undefined;
    return { value: JSON.stringify(settings), secret: Object.values(settings).some((v) => v.includes('@')) };
}
/** The settings main recorded; none when it recorded nothing. */
function readProxySettings(recorded) {
    if (!recorded)
        return {};
    try {
        const parsed = JSON.parse(recorded);
        if (typeof parsed !== 'object' || parsed === null)
            return {};
        return proxySettingsOf(parsed);
    }
    catch {
        return {};
    }
}
/** The variables whose value differs between `recorded` and `now`; names only (a value may hold a password). */
function changedProxyVariables(recorded, now) {
    return proxy_settings_PROXY_VARIABLES.filter((name) => (recorded[name] ?? '') !== (now[name] ?? ''));
}

;// CONCATENATED MODULE: ./src/planetscale/token-id.ts
// What a service token's ID looks like. An ID from an API answer goes into request paths (with
// the minting token), so it is taken only if it has the shape of one.
//
// Every public example is a short run of lowercase letters and digits (e.g. "hnmkbklsndgi"; see
// https://api-docs.planetscale.com/reference/create-service-token and
// https://planetscale.com/docs/concepts/service-tokens). The rule is kept tolerant of a change in
// length or alphabet, yet leaves out all that can steer a path: "/", ".", "%", "?", "#", spaces.
const TOKEN_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Whether `value` can be a service token's ID. Pure. */
function token_id_isServiceTokenId(value) {
    return typeof value === 'string' && TOKEN_ID.test(value);
}

;// CONCATENATED MODULE: ./src/planetscale/service-tokens.ts
// The service-token endpoints (https://api-docs.planetscale.com/reference/service-tokens). Responses are checked for the fields
// this action relies on, and only those: the rest of PlanetScale's objects may change freely.



const isObject = (value) => typeof value === 'object' && value !== null;
// ISO 8601 date and time with a zone, as PlanetScale documents `expires_at`. Date.parse alone is
// too lenient (it reads "1" as the year 2001).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An API-supplied date-time as ISO 8601 UTC, or null when it is not one (the caller then has its own). */
function service_tokens_apiDateTime(value) {
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value))
        return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
async function createServiceToken(client, org, request, options = {}) {
    const { onSecret, ...sendOptions } = options;
    const { body } = await client.send('POST', organizationPath(org, 'service-tokens'), { name: request.name, ttl: request.ttlSeconds }, { minTimeMs: MIN_CALL_MS, ...sendOptions });
    // Both hidden from any later error's text at once, whatever their shape.
    for (const key of ['token', 'id'])
        if (isObject(body) && typeof body[key] === 'string')
            client.hide(body[key]);
    if (isObject(body) && typeof body['token'] === 'string' && body['token'])
        onSecret?.(body['token']);
    // An ID of the wrong shape is not used, not even to delete by: the token is found by its name.
    const id = isObject(body) && isServiceTokenId(body['id']) ? body['id'] : undefined;
    if (!id && isObject(body) && typeof body['id'] === 'string' && body['id']) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call with an ID that does not look like a service token ID');
    }
    // Taken for the new token, the minting token's own ID would be granted to and deleted.
    if (id !== undefined && id === client.ownTokenId) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call with the ID of the minting token itself, not of a new token');
    }
    if (!id || !isObject(body) || typeof body['token'] !== 'string' || !body['token']) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call without a token id and secret', id);
    }
    // Post must read it back from env exactly (restore-env, seal): one line of printable ASCII, as
    // every PlanetScale secret is ("pscale_tkn_…").
    if (!/^[\x21-\x7e]+$/.test(body['token'])) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call with a secret that is not one line of printable text', id);
    }
    return {
        id,
        token: body['token'],
        name: typeof body['name'] === 'string' ? body['name'] : null,
        expiresAt: service_tokens_apiDateTime(body['expires_at']),
    };
}
/**
 * The path of a token, or of something under it. The ID must look like one (token-id.ts): it may
 * come from an API answer, and goes into a path sent with the minting token.
 */
function tokenPath(org, id, ...rest) {
    if (!token_id_isServiceTokenId(id))
        throw new errors_PlanetScaleResponseError('Refused to use a service token ID that does not look like one in an API path');
    return client_organizationPath(org, 'service-tokens', id, ...rest);
}
/** Grants and deletes are for minted tokens only: never for the credential that makes the calls. */
function refuseOwnToken(client, id, what) {
    if (id === client.ownTokenId)
        throw new errors_PlanetScaleResponseError(`Refused to ${what} the minting token itself`);
}
/**
 * Grants `accesses` on `database`, or on the organization when `database` is "" (as pscale
 * sends it). Returns the access records PlanetScale answers with.
 *
 * `POST /service-tokens/{id}/access` is not in PlanetScale's published spec
 * (https://api.planetscale.com/v1/openapi-spec), which has no call that grants: this is the one
 * pscale and PlanetScale's Go client use.
 */
async function grantAccesses(client, org, tokenId, database, accesses) {
    refuseOwnToken(client, tokenId, 'grant accesses to');
    const { body } = await client.send('POST', tokenPath(org, tokenId, 'access'), {
        database,
        access: accesses,
    });
    return { records: accessRecords(body, 'grant'), paged: nextPage(body, 1) > 0 };
}
/**
 * Every access the token holds, from the spec's `GET /service-tokens/{id}` (read_service_tokens):
 * the token object's `service_token_accesses`, inline and unpaged, so one call reads them all.
 */
async function getTokenAccesses(client, org, tokenId) {
    const { body } = await client.send('GET', tokenPath(org, tokenId));
    if (!isObject(body) || !Array.isArray(body['service_token_accesses'])) {
        throw new PlanetScaleResponseError("PlanetScale answered the service token call without a list of the token's accesses");
    }
    // The accesses of another token are not taken for this one's.
    if (body['id'] !== undefined && body['id'] !== tokenId) {
        throw new PlanetScaleResponseError('PlanetScale answered the service token call about another token');
    }
    return accessRecords(body['service_token_accesses'], 'service token');
}
/**
 * Access records from a list envelope (or a bare array, to be tolerant: the shape is unverified).
 * Every record must be read, or the answer is refused: one dropped unread could be an access
 * the job never asked for.
 */
function accessRecords(body, call) {
    const data = Array.isArray(body) ? body : isObject(body) && Array.isArray(body['data']) ? body['data'] : undefined;
    if (!data)
        throw new PlanetScaleResponseError(`PlanetScale answered the ${call} call without a list of access records`);
    return data.map((record, i) => {
        const read = accessRecord(record);
        if (typeof read === 'string') {
            throw new PlanetScaleResponseError(`PlanetScale answered the ${call} call with an access record that cannot be read (record ${i + 1}: ${read}), ` +
                "so the token's accesses cannot be checked");
        }
        return read;
    });
}
/**
 * One access record, in either shape PlanetScale uses: `/access` records name the resource in
 * `resource: {type, name}`; the token object's `service_token_accesses` (the spec's GET
 * /service-tokens/{id}) in `resource_type` and `resource_name`, beside `resource: {id, name}`.
 * Returns why not, when the record cannot be read.
 */
function accessRecord(record) {
    if (!isObject(record))
        return 'not an object';
    const { access, resource } = record;
    if (typeof access !== 'string' || !access)
        return '`access` is not an access name';
    if (resource !== undefined && resource !== null && !isObject(resource))
        return '`resource` is not an object';
    const type = oneName(isObject(resource) ? resource['type'] : undefined, record['resource_type']);
    const name = oneName(isObject(resource) ? resource['name'] : undefined, record['resource_name']);
    if (type === undefined)
        return 'no resource type, or two that differ';
    if (name === undefined)
        return 'no resource name, or two that differ';
    return { access, resourceType: type, resourceName: name };
}
/** The one non-empty name two fields give (either may be absent); undefined when none, or they differ. */
function oneName(a, b) {
    const given = [a, b].filter((v) => v !== undefined && v !== null);
    if (given.length === 0 || !given.every((v) => typeof v === 'string' && v !== ''))
        return undefined;
    return given.every((v) => v === given[0]) ? given[0] : undefined;
}
/** Deletes a token; resolves to "not-found" on 404, which can also mean a missing permission. */
async function deleteServiceToken(client, org, id) {
    refuseOwnToken(client, id, 'delete');
    try {
        await client.send('DELETE', tokenPath(org, id));
        return 'deleted';
    }
    catch (error) {
        if (error instanceof errors_PlanetScaleApiError && error.status === 404)
            return 'not-found';
        throw error;
    }
}
/** Whether the token can still be read: true (exists), false (404). */
async function serviceTokenExists(client, org, id) {
    try {
        await client.send('GET', tokenPath(org, id));
        return true;
    }
    catch (error) {
        if (error instanceof errors_PlanetScaleApiError && error.status === 404)
            return false;
        throw error;
    }
}
/** The organization's service tokens, following `next_page` for at most MAX_LIST_PAGES pages. */
async function listServiceTokens(client, org) {
    const { items, cutShort, serverNow } = await listAll(client, client_organizationPath(org, 'service-tokens'), 'service tokens');
    const tokens = items.flatMap((token) => isObject(token) && typeof token['id'] === 'string'
        ? [
            {
                id: token['id'],
                name: typeof token['name'] === 'string' ? token['name'] : null,
                expiresAt: service_tokens_apiDateTime(token['expires_at']),
            },
        ]
        : []);
    return { tokens, ...(cutShort ? { cutShort } : {}), ...(serverNow === undefined ? {} : { serverNow }) };
}
/** The page after `page` that a list envelope names, or 0 when there is none. */
function nextPage(body, page) {
    return isObject(body) && typeof body['next_page'] === 'number' && body['next_page'] > page ? body['next_page'] : 0;
}
/**
 * The most pages one lookup reads. The list call has no filter and no sort (the spec documents
 * `page` and `per_page` only), so a lookup by name reads the organization's every token; bounded,
 * so that it cannot spend the rate limit the minting token shares with every job using it
 * (600 requests a minute), nor a step's whole time limit, and a misbehaving API cannot keep us
 * paging forever.
 */
const MAX_LIST_PAGES = 50;
const PER_PAGE = 100;
/** The pages a list envelope says there are: `total_pages`, or worked out from `total_count` and `per_page`; 0 when not said. */
function totalPages(body) {
    const { total_pages: pages, total_count: count, per_page: perPage } = body;
    if (typeof pages === 'number')
        return pages;
    return typeof count === 'number' && typeof perPage === 'number' && perPage > 0 ? Math.ceil(count / perPage) : 0;
}
/**
 * The items of a list endpoint's pages (PlanetScale's list responses), following `next_page`
 * for at most MAX_LIST_PAGES pages. A list with more is cut short, and says so: at once, when
 * the first page's totals show it. What was read is still returned.
 */
async function listAll(client, path, what) {
    const items = [];
    let count;
    let serverNow;
    for (let page = 1, pages = 0; page;) {
        const { body, date } = await client.send('GET', `${path}?page=${page}&per_page=${PER_PAGE}`);
        if (pages === 0)
            serverNow = date;
        if (!isObject(body) || !Array.isArray(body['data']))
            throw new errors_PlanetScaleResponseError(`PlanetScale answered the list call without a list of ${what}`);
        items.push(...body['data']);
        pages++;
        page = nextPage(body, page);
        if (pages === 1)
            count = body['total_count'];
        // A list the first page shows too long is read no further: it could not be read whole.
        if (page && (pages === MAX_LIST_PAGES || (pages === 1 && totalPages(body) > MAX_LIST_PAGES))) {
            return { items, cutShort: cutShortReason(what, count), serverNow };
        }
    }
    return { items, serverNow };
}
function cutShortReason(what, count) {
    const limit = `the ${(MAX_LIST_PAGES * PER_PAGE).toLocaleString('en-US')} a lookup reads (${MAX_LIST_PAGES} pages of ${PER_PAGE}, to spare the rate limit the minting token shares)`;
    return typeof count === 'number' && count > MAX_LIST_PAGES * PER_PAGE
        ? `PlanetScale lists ${count.toLocaleString('en-US')} ${what}, more than ${limit}`
        : `PlanetScale lists more ${what} than ${limit}`;
}
/** IDs of the organization's service tokens named `name`, among those the list shows (`cutShort`: not all of them). */
async function findServiceTokensNamed(client, org, name) {
    const { tokens, cutShort } = await listServiceTokens(client, org);
    const ids = tokens.filter((token) => token.name === name).map((token) => token.id);
    return cutShort ? { ids, cutShort } : { ids };
}

;// CONCATENATED MODULE: ./src/report/explain.ts
// Turning a failed API call into a message that says what happened and what to do. PlanetScale
// answers 404 for a missing permission, so a 404 names both causes: the thing does not exist, or
// the minting token may not touch it.


function describe(op) {
    switch (op.kind) {
        case 'create':
            return `creating a service token in organization ${(0,report_text/* show */.WU)(op.org)}`;
        case 'grant':
            return `granting ${op.request.accesses.join(', ')} on ${resource(op.request)}`;
        case 'delete':
            return `deleting service token ${(0,report_text/* show */.WU)(op.tokenName)}`;
    }
}
function resource(request) {
    return request.resourceType === 'Organization' ? `organization ${(0,report_text/* show */.WU)(request.resourceName)}` : `database ${(0,report_text/* show */.WU)(request.resourceName)}`;
}
function notFoundAdvice(op) {
    switch (op.kind) {
        case 'create':
            return `the organization does not exist, or the minting token lacks write_service_tokens on it (PlanetScale answers 404 for a missing permission).`;
        case 'grant':
            return (`${op.request.resourceType === 'Organization' ? 'the minting token' : `the database does not exist, or the minting token`} ` +
                `does not itself hold ${op.request.accesses.join(', ')} on ${resource(op.request)}: a token can only delegate ` +
                `accesses it holds (PlanetScale answers 404 for a missing permission). Grant them to the minting token, or ask for fewer.`);
        case 'delete':
            return `the minting token lacks delete_service_tokens (PlanetScale answers 404 for a missing permission).`;
    }
}
/** ", after 5 attempts" when the call was retried. */
function attempts(error) {
    return error.attempts > 1 ? `, after ${error.attempts} attempts` : '';
}
function explain(error, op) {
    const what = describe(op);
    if (error instanceof errors_PlanetScaleApiError) {
        const status = `HTTP ${error.status}${error.code ? `, code ${(0,report_text/* show */.WU)(error.code)}` : ''}`;
        // apiMessage is already redacted and cut to 300 characters: shown whole.
        const detail = error.apiMessage ? ` PlanetScale says: ${(0,report_text/* show */.WU)(error.apiMessage, Infinity)}.` : '';
        if (error.status === 401) {
            return (`PlanetScale rejected the minting token (${status}) while ${what}: the service token ID/secret or ` +
                `api-token is wrong, expired or deleted. Check the secrets the workflow passes, or create a new minting token.`);
        }
        if (error.status === 403 || error.status === 404) {
            return `PlanetScale refused ${what} (${status}): ${notFoundAdvice(op)}`;
        }
        if (error.status === 429) {
            return (`PlanetScale rate-limited ${what} (${status}${attempts(error)}): the minting token's requests a minute, ` +
                `shared by every job that uses it, are spent${op.kind === 'create' ? ', so no token was created' : ''}. ` +
                `Run fewer such jobs at once, or give each repository or team a minting token of its own.${detail}`);
        }
        if (error.status === 422) {
            return `PlanetScale refused ${what} as invalid (${status}).${detail}`;
        }
        return `PlanetScale failed ${what} (${status}${attempts(error)}).${detail}`;
    }
    if (error instanceof errors_PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${what}${attempts(error)}: ${error.reason}.`;
    }
    return `Failed ${what}: ${(0,report_text/* errorMessage */.gJ)(error)}.`;
}
/** Why listing the organization's tokens to look for `what` failed, and what it means. */
function listingFailure(error, what) {
    if (error instanceof errors_PlanetScaleApiError && (error.status === 403 || error.status === 404)) {
        return `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting token lacks read_service_tokens, so ${what} cannot be looked for.`;
    }
    return `Listing service tokens to look for ${what} failed: ${describeError(error)}`;
}
/** An error's message as a sentence, never empty. */
function describeError(error) {
    const message = (0,report_text/* errorMessage */.gJ)(error);
    return /[.!?]$/.test(message) ? message : `${message}.`;
}

// EXTERNAL MODULE: ./src/runner/log.ts + 1 modules
var log = __webpack_require__(3595);
;// CONCATENATED MODULE: ./src/token/remove.ts
// Deleting a minted token, used by main (after a failure) and by post.
//
// PlanetScale answers 404 both for a token that is gone and for a caller that may not delete
// it, so a 404 is checked with a read: a token that can still be read was not deleted. A token
// that cannot be read either is confirmed gone by its unique name, which finds it for certain.
// When the ID was never learnt (a create whose answer was lost), the name is all there is.




/** The wait before deleting once more a token that PlanetScale answered 404 for, yet still shows. */
const DELETE_AGAIN_AFTER_MS = 1_000;
/**
 * Deletes the token with ID `id`, named `name`. "already-gone" is reported only when the name
 * confirms it: PlanetScale answers 404 to deleting and to reading an ID it does not know too (a
 * bad create answer, a read lagging behind a write), so the two 404s alone prove nothing.
 */
async function removeToken(client, org, id, name) {
    const byId = await removeById(client, org, id, name);
    if (byId !== 'not-found')
        return byId;
    let ids;
    const both404 = 'PlanetScale answered 404 to deleting it and to reading it by its ID (as it does for an ID it does not know)';
    try {
        const found = await findServiceTokensNamed(client, org, name);
        ids = found.ids;
        if (ids.length === 0 && found.cutShort) {
            return { ok: false, unconfirmed: true, reason: `${both404}, and it could not be looked up by name: ${found.cutShort}.` };
        }
    }
    catch (error) {
        return {
            ok: false,
            unconfirmed: true,
            reason: `${both404}, and looking it up by name failed. ${listingFailure(error, `a token named ${(0,report_text/* show */.WU)(name)}`)}`,
        };
    }
    if (ids.length === 0)
        return { ok: true, outcome: 'already-gone' };
    log/* info */.pq(`Service token ${(0,report_text/* show */.WU)(name)} is still listed by its name although PlanetScale answered 404 for its ID: deleting it by the listed ID.`);
    const result = await deleteListed(client, org, ids, name);
    return result.ok ? { ok: true, outcome: 'deleted' } : result;
}
/**
 * Deletes by ID; "not-found" when PlanetScale answers 404 to deleting and to reading the token.
 * A token it answers 404 to deleting yet still shows is deleted once more after a wait (its
 * reads may lag behind its writes) before a missing delete_service_tokens is concluded.
 */
async function removeById(client, org, id, name) {
    const operation = { kind: 'delete', org, tokenName: name };
    for (let attempt = 1;; attempt++) {
        try {
            if ((await deleteServiceToken(client, org, id)) === 'deleted') {
                if (attempt > 1) {
                    log/* info */.pq(`Deleted service token ${(0,report_text/* show */.WU)(name)} on the second try: the first 404 came from PlanetScale's reads lagging behind its writes, not from a missing delete_service_tokens.`);
                }
                return { ok: true, outcome: 'deleted' };
            }
        }
        catch (error) {
            return { ok: false, reason: explain(error, operation) };
        }
        let stillThere;
        try {
            // false also when the minting token lacks read_service_tokens (404 again): removeToken
            // then looks the token up by name.
            stillThere = await serviceTokenExists(client, org, id);
        }
        catch (error) {
            return {
                ok: false,
                reason: `PlanetScale answered 404 to deleting service token ${(0,report_text/* show */.WU)(name)}, and checking whether it still exists failed: ${explain(error, operation)}`,
            };
        }
        if (!stillThere)
            return 'not-found';
        if (attempt > 1) {
            return {
                ok: false,
                reason: `PlanetScale answered 404 to deleting service token ${(0,report_text/* show */.WU)(name)} twice, a wait apart, yet the token still exists: ` +
                    'the minting token lacks delete_service_tokens (a read lagging behind a write would have caught up). Add it to the minting token.',
            };
        }
        if (!client.waitEndsInTime(DELETE_AGAIN_AFTER_MS)) {
            return {
                ok: false,
                reason: `PlanetScale answered 404 to deleting service token ${(0,report_text/* show */.WU)(name)}, yet still shows it, and the time limit for talking to PlanetScale ` +
                    'leaves no time to wait and try once more: whether its reads lag behind its writes or the minting token lacks delete_service_tokens is not known.',
            };
        }
        log/* info */.pq(`PlanetScale answered 404 to deleting service token ${(0,report_text/* show */.WU)(name)}, yet still shows it: trying once more, in case its reads lag behind its writes.`);
        await new Promise((resolve) => setTimeout(resolve, DELETE_AGAIN_AFTER_MS));
    }
}
/** Deletes every token named `name` (ours alone, by its random suffix), except the one with ID `except` (dealt with by ID already). */
async function removeTokensNamed(client, org, name, except) {
    let found;
    try {
        found = await findServiceTokensNamed(client, org, name);
    }
    catch (error) {
        return { ok: false, reason: listingFailure(error, `a token named ${(0,report_text/* show */.WU)(name)}`) };
    }
    // Those found are deleted even when the list is cut short; the rest is not known to hold none.
    const result = await deleteListed(client, org, found.ids.filter((id) => id !== except), name);
    if (!result.ok || !found.cutShort)
        return result;
    return {
        ok: false,
        unconfirmed: true,
        reason: result.removed > 0
            ? `${found.cutShort}; ${result.removed} named ${(0,report_text/* show */.WU)(name)} among those read ${result.removed === 1 ? 'was' : 'were'} deleted, and another may be among the rest.`
            : `${found.cutShort}, and none of those read is named ${(0,report_text/* show */.WU)(name)}: one may be among the rest.`,
    };
}
/** Deletes tokens found by the name `name`: a token still listed after 404s is not gone. */
async function deleteListed(client, org, ids, name) {
    for (const id of ids) {
        // A token minted for this job: its ID is masked like the one main learnt (e.g. in retry lines).
        log/* setSecret */.Pq(id);
        const result = await removeById(client, org, id, name);
        if (result === 'not-found') {
            return {
                ok: false,
                unconfirmed: true,
                reason: 'PlanetScale lists a token by its name, yet answers 404 to deleting it and to reading it by the listed ID.',
            };
        }
        if (!result.ok)
            return result;
    }
    return { ok: true, removed: ids.length };
}
/** The first words of a message about a token that was not removed: not deleted, or not confirmed gone. */
function notRemoved(name, result) {
    return result.unconfirmed ? `Could not confirm that service token ${(0,report_text/* show */.WU)(name)} is gone` : `Could not delete service token ${(0,report_text/* show */.WU)(name)}`;
}

;// CONCATENATED MODULE: ./src/steps/api-credential.ts
// The minting token as the API client takes it: without where it was read from.
function apiCredential(credential) {
    return credential.kind === 'api-token'
        ? { kind: 'api-token', token: credential.token }
        : { kind: 'service-token', id: credential.id, token: credential.token };
}

;// CONCATENATED MODULE: ./src/runner/read-input.ts
// How the steps read an input: core.getInput, trimmed. Asked for explicitly: core trims by
// default, but @github/local-action's stand-in for core trims only when told to.

const readInput = (name) => core/* getInput */.V4(name, { trimWhitespace: true });

// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __webpack_require__(7469);
;// CONCATENATED MODULE: ./src/report/summary.ts
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
        ? "It is deleted by this action's post step when the job ends."
        : 'cleanup is false: it stays valid until it expires.';
    const minted = options.runUrl ? ` Minted by [this workflow run](<${options.runUrl.replace(/[<>]/g, encodeURIComponent)}>).` : '';
    return [
        `### PlanetScale service token (organization ${cell(options.org)})`,
        '',
        '| Token | Expires | Resource | Type | Accesses |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
        fate + minted,
        '',
    ].join('\n');
}
/** The database credential's part: what, where, which roles, until when. Never its user name, host or password. */
function credentialSummary(options) {
    const fate = options.cleanup
        ? "It is deleted by this action's post step when the job ends."
        : 'cleanup is false: it stays valid until it expires.';
    return [
        `### PlanetScale database credential`,
        '',
        '| Credential | Database | Branch | Roles | Expires |',
        '| --- | --- | --- | --- | --- |',
        `| ${cell(options.what)} | ${cell(options.database)} | ${cell(options.branch)} | ${options.roles.map((r) => `\`${cell(r)}\``).join(', ')} | ${cell(options.expiresAt ?? 'at the end of its TTL')} |`,
        '',
        fate,
        '',
    ].join('\n');
}
function deletedSummary(name, outcome) {
    return outcome === 'deleted'
        ? `Service token \`${cell(name)}\` was deleted by the post step.\n`
        : `Service token \`${cell(name)}\` was already gone when the post step came to delete it: none by its name is listed.\n`;
}
/**
 * Post could not delete the token, or could not confirm it gone: the summary says which, and
 * until when it stays valid.
 */
function notDeletedSummary(name, expiresAt, unconfirmed = false) {
    const what = unconfirmed ? 'could not be confirmed gone by the post step' : 'could not be deleted by the post step';
    return `**Service token \`${cell(name)}\` ${what}**: it stays valid until ${cell(expiresAt)}. See the post step's log.\n`;
}
function credentialDeletedSummary(what, outcome) {
    return outcome === 'deleted'
        ? `Database credential ${cell(what)} was deleted by the post step.\n`
        : `Database credential ${cell(what)} was already gone when the post step came to delete it: none by its name is listed.\n`;
}
function credentialNotDeletedSummary(what, unconfirmed = false) {
    return `**Database credential ${cell(what)} ${unconfirmed ? 'could not be confirmed gone' : 'could not be deleted'} by the post step**: it stays valid until its TTL ends. See the post step's log.\n`;
}
/** A warning in the summary, as GitHub renders an alert; one paragraph. */
function warningSummary(message) {
    return `> [!WARNING]\n> ${cell(message)}\n`;
}

;// CONCATENATED MODULE: ./src/planetscale/database-credentials.ts
// The database and its credentials: get_database (for `kind`), branch passwords on Vitess and
// roles on Postgres (the spec's "Database branch passwords" and "Roles" operations). The two
// credentials are one idea with two spellings, so one module serves both: `SHAPES` holds what
// differs. Answers are checked for the fields this action relies on, and only those.



const SHAPES = {
    password: { segment: 'passwords', secretField: 'plain_text', what: 'branch password' },
    role: { segment: 'roles', secretField: 'password', what: 'role' },
};
const credentialKindOf = (kind) => (kind === 'postgresql' ? 'role' : 'password');
const database_credentials_isObject = (value) => typeof value === 'object' && value !== null;
/** PlanetScale's IDs are short alphanumeric strings: anything else from an answer is not put in a path. */
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
function credentialPath(ref, kind, ...rest) {
    for (const id of rest) {
        if (!CREDENTIAL_ID.test(id))
            throw new errors_PlanetScaleResponseError(`Refused to use a ${SHAPES[kind].what} ID that does not look like one in an API path`);
    }
    return client_organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, SHAPES[kind].segment, ...rest);
}
/** get_database's `kind`. */
async function getDatabaseKind(client, org, database) {
    const { body } = await client.send('GET', organizationPath(org, 'databases', database));
    const kind = database_credentials_isObject(body) ? body['kind'] : undefined;
    if (kind === 'mysql' || kind === 'postgresql')
        return kind;
    throw new PlanetScaleResponseError(`PlanetScale answered the database read without a kind this action knows (${typeof kind === 'string' ? JSON.stringify(kind.slice(0, 40)) : 'none'})`);
}
/** create_password or create_role. The secret is handed to `onSecret` before the answer is checked. */
async function createCredential(client, ref, kind, spec, options = {}) {
    const { onSecret, ...sendOptions } = options;
    const shape = SHAPES[kind];
    const body = kind === 'password'
        ? { name: spec.name, role: spec.roles[0], ttl: spec.ttlSeconds, ...(spec.cidrs.length > 0 ? { cidrs: spec.cidrs } : {}) }
        : { name: spec.name, ttl: spec.ttlSeconds, inherited_roles: spec.roles };
    const answer = (await client.send('POST', credentialPath(ref, kind), body, { minTimeMs: MIN_CALL_MS, ...sendOptions })).body;
    const secret = database_credentials_isObject(answer) ? answer[shape.secretField] : undefined;
    if (typeof secret === 'string' && secret) {
        client.hide(secret);
        onSecret?.(secret);
    }
    const field = (key) => (database_credentials_isObject(answer) && typeof answer[key] === 'string' ? answer[key] : '');
    const id = field('id');
    if (!CREDENTIAL_ID.test(id)) {
        throw new PlanetScaleResponseError(`PlanetScale answered the ${shape.what} create call without a usable ID`);
    }
    if (typeof secret !== 'string' || !secret || !field('username') || !field('access_host_url')) {
        throw new PlanetScaleResponseError(`PlanetScale answered the ${shape.what} create call without a username, password and host`, id);
    }
    return {
        id,
        name: field('name') || spec.name,
        username: field('username'),
        password: secret,
        accessHost: field('access_host_url'),
        databaseName: field('database_name') || ref.database,
        expiresAt: apiDateTime(database_credentials_isObject(answer) ? answer['expires_at'] : undefined),
    };
}
/**
 * delete_password or delete_role; "not-found" on 404, which can also mean a missing permission.
 * `successor` (roles): the role that takes over what the deleted one owns, so its tables stay.
 */
async function deleteCredential(client, ref, kind, id, successor) {
    const query = kind === 'role' && successor ? `?successor=${encodeURIComponent(successor)}` : '';
    try {
        await client.send('DELETE', `${credentialPath(ref, kind, id)}${query}`);
        return 'deleted';
    }
    catch (error) {
        if (error instanceof errors_PlanetScaleApiError && error.status === 404)
            return 'not-found';
        throw error;
    }
}
/** Whether the credential can still be read: true (exists), false (404). */
async function credentialExists(client, ref, kind, id) {
    try {
        await client.send('GET', credentialPath(ref, kind, id));
        return true;
    }
    catch (error) {
        if (error instanceof errors_PlanetScaleApiError && error.status === 404)
            return false;
        throw error;
    }
}
/** The most credentials a lookup by name reads: the name is unique, so more than one page means something is wrong. */
const database_credentials_PER_PAGE = 100;
/**
 * IDs of the branch's credentials named exactly `name` (list_passwords and list_roles filter
 * by `q`, a search that may match more: the name is compared here). `cutShort` when the answer
 * had more pages than the one read.
 */
async function findCredentialsNamed(client, ref, kind, name) {
    const { body } = await client.send('GET', `${credentialPath(ref, kind)}?q=${encodeURIComponent(name)}&per_page=${database_credentials_PER_PAGE}`);
    if (!database_credentials_isObject(body) || !Array.isArray(body['data'])) {
        throw new errors_PlanetScaleResponseError(`PlanetScale answered the ${SHAPES[kind].what} list call without a list`);
    }
    const ids = body['data'].flatMap((item) => database_credentials_isObject(item) && item['name'] === name && typeof item['id'] === 'string' && CREDENTIAL_ID.test(item['id']) ? [item['id']] : []);
    const more = typeof body['next_page'] === 'number' && body['next_page'] > 1;
    return more ? { ids, cutShort: `PlanetScale lists more than ${database_credentials_PER_PAGE} ${SHAPES[kind].what}s matching the name` } : { ids };
}
/**
 * get_default_role's ID: the successor of a deleted role. The answer's schema carries the default
 * role's `password`: should it hold one, it goes to `onSecret` and is hidden at once.
 */
async function getDefaultRoleId(client, ref, onSecret) {
    const { body } = await client.send('GET', client_organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, 'roles', 'default'));
    if (database_credentials_isObject(body) && typeof body['password'] === 'string' && body['password']) {
        client.hide(body['password']);
        onSecret?.(body['password']);
    }
    const id = database_credentials_isObject(body) ? body['id'] : undefined;
    if (typeof id !== 'string' || !CREDENTIAL_ID.test(id))
        throw new errors_PlanetScaleResponseError('PlanetScale answered the default role read without a usable ID');
    return id;
}
const credentialWhat = (kind) => SHAPES[kind].what;

;// CONCATENATED MODULE: ./src/credentials/explain.ts
// Turning a failed credential call into a message that says what happened and what to do, as
// report/explain.ts does for the token's calls. The accesses named are those the vendored spec
// lists for each operation (any one suffices).



/** The access the minting token needs for `verb` on a credential of `kind`, in the spec's words. */
function neededAccess(verb, kind) {
    switch (verb) {
        case 'create':
            return kind === 'role'
                ? 'create_branch_password (create_production_branch_password on a production branch)'
                : 'connect_branch (connect_production_branch on a production branch)';
        case 'delete':
            return 'delete_branch_password (delete_production_branch_password on a production branch)';
        case 'read the kind of':
            return 'any database access, e.g. read_branch or connect_branch';
        case 'read':
        case 'list the credentials of':
        case 'read the default role of':
            return 'read_branch or connect_branch';
    }
}
const GERUND = {
    read: 'reading',
    create: 'creating',
    delete: 'deleting',
    'list the credentials of': 'listing the credentials of',
    'read the default role of': 'reading the default role of',
    'read the kind of': 'reading',
};
function explainCredential(error, verb, ref) {
    const thing = verb === 'read the kind of'
        ? `database ${(0,report_text/* show */.WU)(ref.database)}`
        : verb === 'list the credentials of' || verb === 'read the default role of'
            ? `branch ${(0,report_text/* show */.WU)(ref.branch)} of database ${(0,report_text/* show */.WU)(ref.database)}`
            : `the ${ref.kind ? credentialWhat(ref.kind) : 'credential'} on branch ${(0,report_text/* show */.WU)(ref.branch)} of database ${(0,report_text/* show */.WU)(ref.database)}`;
    const doing = `${GERUND[verb]} ${thing}`;
    if (error instanceof errors_PlanetScaleApiError) {
        const status = `HTTP ${error.status}${error.code ? `, code ${(0,report_text/* show */.WU)(error.code)}` : ''}`;
        const detail = error.apiMessage ? ` PlanetScale says: ${(0,report_text/* show */.WU)(error.apiMessage, Infinity)}.` : '';
        if (error.status === 401) {
            return `PlanetScale rejected the minting token (${status}) while ${doing}: the service token ID/secret or api-token is wrong, expired or deleted.`;
        }
        if (error.status === 403 || error.status === 404) {
            return (`PlanetScale refused ${doing} (${status}): the database or branch does not exist, or the minting token lacks ` +
                `${neededAccess(verb, ref.kind)} on database ${(0,report_text/* show */.WU)(ref.database)} (PlanetScale answers 404 for a missing permission).${detail}`);
        }
        if (error.status === 422)
            return `PlanetScale refused ${doing} as invalid (${status}).${detail}`;
        return `PlanetScale failed ${doing} (${status}${error.attempts > 1 ? `, after ${error.attempts} attempts` : ''}).${detail}`;
    }
    if (error instanceof errors_PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${doing}${error.attempts > 1 ? `, after ${error.attempts} attempts` : ''}: ${error.reason}.`;
    }
    return `Failed ${doing}: ${(0,report_text/* errorMessage */.gJ)(error)}.`;
}

// EXTERNAL MODULE: ./src/credentials/target.ts
var credentials_target = __webpack_require__(8933);
;// CONCATENATED MODULE: ./src/credentials/remove.ts
// Deleting a minted database credential (branch password or role), used by main after a failure
// and by post, the way token/remove.ts deletes a token: a 404 proves nothing alone (PlanetScale
// answers it for a missing permission too), so "gone" is said only once the ID reads 404 and the
// credential's unique name lists nothing.






/**
 * Deletes the credential `id` (when known) and any other named `target.name`. With no ID (the
 * create's answer was lost), the name is all there is.
 */
async function removeCredential(client, target, id) {
    const what = (0,credentials_target/* describeCredential */.t)(target);
    let successor = target.successor;
    if (target.kind === 'role' && !successor) {
        // Deleting a role without a successor would drop what it owns: the tables a migration made.
        try {
            successor = await getDefaultRoleId(client, target, log/* setSecret */.Pq);
        }
        catch (error) {
            return {
                ok: false,
                reason: `The branch's default role, which must take over what ${what} owns before it is dropped, could not be read: ${explainCredential(error, 'read the default role of', target)} Nothing was deleted, so no table it made is lost.`,
            };
        }
    }
    const withSuccessor = { ...target, ...(successor ? { successor } : {}) };
    let removed = 0;
    if (id) {
        const byId = await remove_removeById(client, withSuccessor, id);
        if (byId === 'deleted')
            removed++;
        else if (byId !== 'not-found')
            return byId;
    }
    // Confirmed by name: a create whose answer was lost may have made one we never learnt of, and a
    // 404 for the ID alone proves nothing.
    let found;
    try {
        found = await findCredentialsNamed(client, target, target.kind, target.name);
    }
    catch (error) {
        if (removed > 0)
            return { ok: true, outcome: 'deleted', removed };
        return {
            ok: false,
            unconfirmed: true,
            reason: `Looking ${what} up by name failed: ${explainCredential(error, 'list the credentials of', target)}`,
        };
    }
    for (const other of found.ids.filter((listed) => listed !== id || removed === 0)) {
        log/* info */.pq(`${capitalize(what)} is still listed by its name: deleting it by the listed ID.`);
        const result = await remove_removeById(client, withSuccessor, other);
        if (result === 'not-found') {
            return {
                ok: false,
                unconfirmed: true,
                reason: `PlanetScale lists ${what} by its name, yet answers 404 to deleting it and to reading it by the listed ID.`,
            };
        }
        if (result !== 'deleted')
            return result;
        removed++;
    }
    if (found.cutShort)
        return { ok: false, unconfirmed: true, reason: `${found.cutShort}: whether another ${what} is alive is not known.` };
    return { ok: true, outcome: removed > 0 ? 'deleted' : 'already-gone', removed };
}
/** "deleted", "not-found" (404 to deleting and to reading), or why it failed. */
async function remove_removeById(client, target, id) {
    const what = (0,credentials_target/* describeCredential */.t)(target);
    try {
        if ((await deleteCredential(client, target, target.kind, id, target.successor)) === 'deleted')
            return 'deleted';
    }
    catch (error) {
        return { ok: false, reason: `Deleting ${what} failed: ${explainCredential(error, 'delete', target)}` };
    }
    try {
        if (!(await credentialExists(client, target, target.kind, id)))
            return 'not-found';
    }
    catch (error) {
        return {
            ok: false,
            reason: `PlanetScale answered 404 to deleting ${what}, and checking whether it still exists failed: ${explainCredential(error, 'read', target)}`,
        };
    }
    return {
        ok: false,
        reason: `PlanetScale answered 404 to deleting ${what}, yet still shows it: the minting token lacks ${deleteAccess(target)} on database ${(0,report_text/* show */.WU)(target.database)}. Add it to the minting token.`,
    };
}
function deleteAccess(target) {
    return `delete_branch_password (or delete_production_branch_password, if ${(0,report_text/* show */.WU)(target.branch)} is a production branch)`;
}
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

;// CONCATENATED MODULE: ./src/token/name.ts
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
const SUFFIX_PATTERN = `[${SUFFIX_ALPHABET.replace('abcdefghijklmnopqrstuvwxyz', 'a-z').replace('0123456789', '0-9')}]{${SUFFIX_LENGTH}}`;
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

;// CONCATENATED MODULE: ./src/token/sweep-names.ts
// Which expired tokens the optional sweep (input sweep-expired) may delete: those this action
// minted in earlier runs, by their names. Pure; token/sweep.ts makes the calls.

/**
 * A token must have expired this long ago to be swept: a runner whose clock runs ahead must not
 * delete a token another job is still using.
 */
const SWEEP_MARGIN_MS = 5 * 60 * 1000;
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

;// CONCATENATED MODULE: ./src/token/sweep.ts
// The optional sweep (input sweep-expired): in post, delete the organization's tokens that this
// action minted in earlier runs and that have expired, the leftovers of runners that died
// before their post step. Which names count is decided in sweep-names.ts.





async function sweepExpired(client, org, names, nowMs) {
    let listed;
    const what = `expired tokens named ${(0,report_text/* show */.WU)(`${names.stem}${names.exact ? '' : '…'}`)}`;
    try {
        listed = await listServiceTokens(client, org);
    }
    catch (error) {
        return { ok: false, reason: listingFailure(error, what) };
    }
    // Expiry is PlanetScale's to judge, by the clock that dated expires_at: a runner whose clock runs
    // ahead would otherwise delete other jobs' live tokens. The runner's clock only when no Date came.
    const now = listed.serverNow ?? nowMs;
    const expired = listed.tokens.filter((token) => isSweepable(token, names, now));
    let removed = 0;
    // A list cut short is swept as far as it was read: the sweep is what shortens it.
    const failures = listed.cutShort ? [`${listed.cutShort}: only those read were looked at for ${what}.`] : [];
    for (const token of expired) {
        const result = await removeToken(client, org, token.id, token.name ?? token.id);
        if (result.ok)
            removed++;
        else
            failures.push(result.reason);
    }
    return { ok: true, removed, failures };
}

;// CONCATENATED MODULE: ./src/steps/post/cleanup.ts
// The post step: delete the token main minted, with the credential main minted it with; look
// for it by name when main could not account for a create call; optionally sweep leftovers.
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});



















/** Post talks to PlanetScale within this; it is not cancelled by the runner, but must end. */
const POST_DEADLINE_MS = 45_000;
/**
 * A call answered nothing but 429 goes on until this instead (client.ts rateLimitedDeadline):
 * post's delete is the last chance to leave nothing alive, and a rate limit is sure to end, so
 * a step that ends late is the lesser harm. `npm run load` at twice the rate one minting
 * credential serves left tokens alive with 45 s. Still bounded, as the runner cancels no post
 * step and only the job's timeout would end it.
 */
const POST_RATE_LIMITED_DEADLINE_MS = 5 * 60_000;
/** Post's retries: a 429 is tried again for as long as the deadline allows, not the usual 12 times. */
const POST_RETRY_POLICY = { ...DEFAULT_RETRY_POLICY, rateLimitedAttempts: Infinity };
/**
 * Runs the calls of the post step that `work` (plan.ts, read by post.ts) asks for;
 * resolves to the process exit code. Idempotent: run again, it finds the token gone (a 404 on
 * delete is success) and nothing named ours.
 */
async function cleanup(work, env = process.env) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { id, name, expiresAt, byId, byName } = work;
        const sweep = work.sweep ? decodeSweepNames(core/* getState */.Gu(keys/* STATE */.c.sweep)) : undefined;
        const org = core/* getState */.Gu(keys/* STATE */.c.org);
        const failed = async (reason, unconfirmed = false) => {
            if (!byId && !byName && !work.credential) {
                // Only the sweep was asked for, and it is best effort: a warning, never a failed step.
                core/* warning */.$e(`sweep-expired: ${reason}`);
                return 0;
            }
            if (byId || byName) {
                core/* error */.z3(`${notRemoved(name, { unconfirmed })}: ${reason} It stays valid until ${expiresAt}; ` +
                    `delete it in PlanetScale (organization ${(0,report_text/* show */.WU)(org)}, Settings > Service tokens) if that is too long.`);
                await log/* appendSummary */.fe(notDeletedSummary(name, expiresAt, unconfirmed));
            }
            return 1;
        };
        /** A failure before any call: neither the credential nor the token can be deleted. */
        const failedBeforeAnyCall = async (reason) => {
            if (work.credential)
                await reportCredentialNotRemoved(work.credential.target, { reason });
            return failed(reason);
        };
        // The proxy main used, not one a later step may have put in env since (state/proxy-settings.ts).
        const proxy = readProxySettings(core/* getState */.Gu(keys/* STATE */.c.proxy));
        const changed = changedProxyVariables(proxy, proxySettingsOf(env));
        if (changed.length > 0) {
            core/* warning */.$e(`${changed.join(', ')} changed after the main step (a later step wrote to GITHUB_ENV?). ` +
                'The post step uses the proxy settings the main step used, so the minting token goes only where it went then.');
        }
        const apiUrl = recordedApiUrl(core/* getState */.Gu(keys/* STATE */.c.apiUrl), readInput('api-url'));
        if (!apiUrl.ok)
            return await failedBeforeAnyCall(apiUrl.reason);
        const badProxy = proxyProblem(proxy, apiUrl.value);
        if (badProxy)
            return await failedBeforeAnyCall(badProxy);
        const deadline = Date.now() + POST_DEADLINE_MS;
        const rateLimitedDeadline = Date.now() + POST_RATE_LIMITED_DEADLINE_MS;
        // Destroyed when the step returns, whichever way: no open socket delays the exit.
        const dispatcher = __addDisposableResource(env_1, stepDispatcher(proxy, apiUrl.value, trustAsMain(core/* getState */.Gu(keys/* STATE */.c.extraCaCerts), env)), true);
        const clientWith = (credential, retry) => new PlanetScaleClient({
            dispatcher,
            baseUrl: apiUrl.value,
            credential,
            // The minted ID goes into paths: hidden from API text too, as the runner masks whole values only.
            alsoHide: id ? [id] : [],
            debug: core/* isDebug */._o() ? core/* debug */.Yz : undefined,
            log: log/* info */.pq,
            deadline,
            rateLimitedDeadline,
            retry,
        });
        // The usual post: one token to delete, and the inputs still hold the minting token. Trying
        // it first spares opening the sealed copy in every job's post. Only a
        // delete that succeeds is taken from it: anything else (a 404 could mean the inputs now hold
        // another organization's token) goes the sure way below, with the credential main minted with.
        const quick = byId && !byName && !sweep && !work.credential ? inputsCredential(env, id) : undefined;
        // One attempt: whatever goes wrong is for the sure way to retry, within the same deadline.
        if (quick && (await deletedWith(clientWith(quick, { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 }), org, id))) {
            log/* info */.pq(`Deleted service token ${(0,report_text/* show */.WU)(name)}.`);
            await log/* appendSummary */.fe(deletedSummary(name, 'deleted'));
            return 0;
        }
        const credential = await mintingCredential(env, id);
        if (typeof credential === 'string')
            return await failedBeforeAnyCall(credential);
        const client = clientWith(credential, POST_RETRY_POLICY);
        // A failure to delete by ID does not stop the look by name or the sweep: each may still end
        // a token of ours. The step fails at the end.
        let exitCode = 0;
        // The credential first: should the token's deletion fail, the credential is still gone.
        if (work.credential)
            exitCode = await removeDatabaseCredential(client, work.credential.target, work.credential.id);
        if (byId) {
            const result = await removeToken(client, org, id, name);
            if (result.ok) {
                log/* info */.pq(result.outcome === 'deleted'
                    ? `Deleted service token ${(0,report_text/* show */.WU)(name)}.`
                    : `Service token ${(0,report_text/* show */.WU)(name)} was already gone (deleted elsewhere, or expired and removed): none by its name is listed.`);
                await log/* appendSummary */.fe(deletedSummary(name, result.outcome));
            }
            else {
                exitCode = await failed(result.reason, result.unconfirmed);
            }
        }
        if (byName) {
            // Main began creating the token but never learnt its ID (cancelled, or the answer was
            // lost), or a create call of its may have been carried out after it looked.
            log/* info */.pq(`The main step did not learn whether service token ${(0,report_text/* show */.WU)(name)} was created: looking for it by name.`);
            // The recorded token is dealt with by ID (deleted, or kept): a slow list may still show it.
            const found = await removeTokensNamed(client, org, name, id || undefined);
            if (found.ok) {
                log/* info */.pq(found.removed > 0 ? `Deleted service token ${(0,report_text/* show */.WU)(name)}.` : `No other service token named ${(0,report_text/* show */.WU)(name)} exists.`);
                if (found.removed > 0)
                    await log/* appendSummary */.fe(deletedSummary(name, 'deleted'));
            }
            else if (id) {
                // A precaution once the token itself was dealt with by ID: a refusal is warned of.
                core/* warning */.$e(`${found.reason} If a failed create call of the main step made a token, it stays valid until its TTL ends.`);
            }
            else {
                exitCode = await failed(found.reason, found.unconfirmed); // the name was all post had
            }
        }
        // A section of its own in the log: a sweep may list many tokens.
        if (sweep)
            await core/* group */.Os('sweep-expired: expired tokens of earlier runs', () => sweepLeftovers(client, org, sweep));
        return exitCode;
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/** Deletes the credential main minted, and says what became of it; resolves to the exit code. */
async function removeDatabaseCredential(client, target, id) {
    const what = (0,credentials_target/* describeCredential */.t)(target);
    if (!id)
        log/* info */.pq(`The main step did not learn whether ${what} was created: looking for it by name.`);
    const result = await removeCredential(client, target, id || undefined);
    if (result.ok) {
        log/* info */.pq(result.outcome === 'deleted'
            ? `Deleted ${what}.`
            : id
                ? `${cleanup_capitalize(what)} was already gone (deleted elsewhere, or expired): none by its name is listed.`
                : `No ${what} exists: nothing was left alive.`);
        if (result.outcome === 'deleted' || id)
            await log/* appendSummary */.fe(credentialDeletedSummary(what, result.outcome));
        return 0;
    }
    await reportCredentialNotRemoved(target, result);
    return 1;
}
async function reportCredentialNotRemoved(target, result) {
    const what = (0,credentials_target/* describeCredential */.t)(target);
    core/* error */.z3(`${result.unconfirmed ? `Could not confirm that ${what} is gone` : `Could not delete ${what}`}: ${result.reason} ` +
        `It stays valid until its TTL ends; delete it in PlanetScale (database ${(0,report_text/* show */.WU)(target.database)}, branch ${(0,report_text/* show */.WU)(target.branch)}) if that is too long.`);
    await log/* appendSummary */.fe(credentialNotDeletedSummary(what, result.unconfirmed));
}
const cleanup_capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * The API URL main recorded, checked again with main's rules, and against the api-url input: the
 * minting token goes only where the inputs say, whatever the state says.
 */
function recordedApiUrl(recorded, input) {
    const fromState = parseApiUrl(recorded);
    const fromInput = parseApiUrl(input);
    if (!recorded || !fromState.ok || !fromInput.ok || fromState.value !== fromInput.value) {
        return {
            ok: false,
            reason: 'the API URL the main step recorded is not the one the api-url input gives now (did a later step change it?), so the minting token is not sent.',
        };
    }
    return { ok: true, value: fromState.value };
}
/** The optional sweep; best effort: it warns, but never fails the step. */
async function sweepLeftovers(client, org, names) {
    const result = await sweepExpired(client, org, names, Date.now());
    if (!result.ok) {
        core/* warning */.$e(`sweep-expired: ${result.reason}`);
        return;
    }
    for (const failure of result.failures)
        core/* warning */.$e(`sweep-expired: ${failure}`);
    log/* info */.pq(`sweep-expired: deleted ${result.removed} expired service token${result.removed === 1 ? '' : 's'} left by earlier runs.`);
    if (result.removed > 0)
        await log/* appendSummary */.fe(`Swept ${result.removed} expired service token${result.removed === 1 ? '' : 's'} left by earlier runs.\n`);
}
/**
 * The credential main minted with: the sealed copy main kept when export-env replaced the
 * credential's source (env PLANETSCALE_SERVICE_TOKEN*, or inputs reading it), else the
 * inputs (evaluated again for post) or env. Returns an explanation when there is none.
 */
async function mintingCredential(env, mintedId) {
    const sealed = core/* getState */.Gu(keys/* STATE */.c.sealedCredential);
    if (sealed) {
        const { openCredential } = await __webpack_require__.e(/* import() */ 368).then(__webpack_require__.bind(__webpack_require__, 7368));
        const opened = openCredential(sealed, (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
        if (opened) {
            if (opened.kind === 'service-token')
                log/* setSecret */.Pq(opened.id);
            log/* setSecret */.Pq(opened.token);
            return opened;
        }
    }
    const parsed = parseCredential(readInput, env);
    if (!parsed.ok)
        return `the minting token is no longer available (${parsed.errors.map((e) => e.message).join(' ')})`;
    const credential = parsed.value;
    if (credential.kind === 'service-token' && mintedId && credential.id === mintedId) {
        return ('the minting token could not be recovered: PLANETSCALE_SERVICE_TOKEN(_ID) and the inputs now hold the minted token ' +
            '(did a later step, or another use of this action, change PLANETSCALE_SERVICE_TOKEN?).');
    }
    return credential;
}
/**
 * The minting token the inputs hold now, when main kept a sealed copy (else the sure way
 * costs nothing more) and the inputs, not env, give one that is not the minted token.
 */
function inputsCredential(env, mintedId) {
    if (!core/* getState */.Gu(keys/* STATE */.c.sealedCredential))
        return undefined;
    const parsed = parseCredential(readInput, env);
    if (!parsed.ok || parsed.value.source !== 'input')
        return undefined;
    const credential = parsed.value;
    return credential.kind === 'service-token' && credential.id === mintedId ? undefined : apiCredential(credential);
}
/** Whether deleting the token succeeded; false for a 404 or any failure, which the caller does not conclude from. */
async function deletedWith(client, org, id) {
    try {
        return (await deleteServiceToken(client, org, id)) === 'deleted';
    }
    catch {
        return false;
    }
}


/***/ })

};
