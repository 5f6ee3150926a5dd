export const id = 152;
export const ids = [152];
export const modules = {

/***/ 152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mintToken: () => (/* binding */ mintToken)
});

// UNUSED EXPORTS: CREATE_RATE_LIMITED_MS, MAIN_DEADLINE_MS

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 5 modules
var core = __webpack_require__(5049);
// EXTERNAL MODULE: ./src/inputs/minting-credential.ts
var minting_credential = __webpack_require__(2935);
;// CONCATENATED MODULE: ./src/planetscale/version.ts
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
    return error instanceof PlanetScaleApiError && error.status === 429;
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
                    if (error instanceof PlanetScaleApiError || error instanceof PlanetScaleNetworkError)
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
            throw new PlanetScaleNetworkError(method, url, 'cancelled', { code: NOT_SENT, retryable: false });
        const remaining = deadline - Date.now();
        if (remaining <= 0 || remaining < minTimeMs) {
            throw new PlanetScaleNetworkError(method, url, 'the time limit for talking to PlanetScale ran out', {
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
            if (error instanceof PlanetScaleNetworkError)
                throw error; // the watchdog's
            const { reason, code, retryable } = describeRequestFailure(error);
            const wasCancelled = cancelled?.aborted === true;
            this.options.debug?.(`PlanetScale API ${method} ${path} failed after ${elapsed(started)}: ${wasCancelled ? 'cancelled' : reason}`);
            throw new PlanetScaleNetworkError(method, url, wasCancelled ? 'cancelled' : reason, { code, retryable: retryable && !wasCancelled });
        }
        let text;
        try {
            text = await Promise.race([response.body.text(), watchdog]);
        }
        catch (error) {
            if (error instanceof PlanetScaleNetworkError)
                throw error; // the watchdog's
            // The headers came, the body did not: as ambiguous as a lost answer.
            const { reason, code, retryable } = describeRequestFailure(error);
            throw new PlanetScaleNetworkError(method, url, `the answer (HTTP ${response.statusCode}) was cut off: ${reason}`, {
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
            throw new PlanetScaleNetworkError(method, url, `refused to follow a redirect (HTTP ${status}) so that the credential is not sent elsewhere`, {
                retryable: false,
            });
        }
        if (status < 200 || status >= 300) {
            const { code, message } = errorBody(text);
            const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), Date.now());
            // The code is shown too, so it gets the same treatment as the message: an API (or a proxy
            // in front of it) may echo the credential in either.
            const safe = (text) => (text === undefined ? undefined : redact(text, this.secrets));
            throw new PlanetScaleApiError(method, path, status, safe(code), safe(message), retryAfter);
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
        reject(new PlanetScaleNetworkError(method, url, 'the connection did not end at the time limit, so the step closed its connections', {
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
function isServiceTokenId(value) {
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
function apiDateTime(value) {
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
        expiresAt: apiDateTime(body['expires_at']),
    };
}
/**
 * The path of a token, or of something under it. The ID must look like one (token-id.ts): it may
 * come from an API answer, and goes into a path sent with the minting token.
 */
function tokenPath(org, id, ...rest) {
    if (!isServiceTokenId(id))
        throw new PlanetScaleResponseError('Refused to use a service token ID that does not look like one in an API path');
    return organizationPath(org, 'service-tokens', id, ...rest);
}
/** Grants and deletes are for minted tokens only: never for the credential that makes the calls. */
function refuseOwnToken(client, id, what) {
    if (id === client.ownTokenId)
        throw new PlanetScaleResponseError(`Refused to ${what} the minting token itself`);
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
        if (error instanceof PlanetScaleApiError && error.status === 404)
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
        if (error instanceof PlanetScaleApiError && error.status === 404)
            return false;
        throw error;
    }
}
/** The organization's service tokens, following `next_page` for at most MAX_LIST_PAGES pages. */
async function listServiceTokens(client, org) {
    const { items, cutShort, serverNow } = await listAll(client, organizationPath(org, 'service-tokens'), 'service tokens');
    const tokens = items.flatMap((token) => isObject(token) && typeof token['id'] === 'string'
        ? [
            {
                id: token['id'],
                name: typeof token['name'] === 'string' ? token['name'] : null,
                expiresAt: apiDateTime(token['expires_at']),
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
            throw new PlanetScaleResponseError(`PlanetScale answered the list call without a list of ${what}`);
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
            throw new PlanetScaleResponseError(`Refused to use a ${SHAPES[kind].what} ID that does not look like one in an API path`);
    }
    return organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, SHAPES[kind].segment, ...rest);
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
        if (error instanceof PlanetScaleApiError && error.status === 404)
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
        if (error instanceof PlanetScaleApiError && error.status === 404)
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
        throw new PlanetScaleResponseError(`PlanetScale answered the ${SHAPES[kind].what} list call without a list`);
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
    const { body } = await client.send('GET', organizationPath(ref.org, 'databases', ref.database, 'branches', ref.branch, 'roles', 'default'));
    if (database_credentials_isObject(body) && typeof body['password'] === 'string' && body['password']) {
        client.hide(body['password']);
        onSecret?.(body['password']);
    }
    const id = database_credentials_isObject(body) ? body['id'] : undefined;
    if (typeof id !== 'string' || !CREDENTIAL_ID.test(id))
        throw new PlanetScaleResponseError('PlanetScale answered the default role read without a usable ID');
    return id;
}
const credentialWhat = (kind) => SHAPES[kind].what;

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/credentials/target.ts
// A minted database credential as main records it for post, and how messages name it. Apart
// from remove.ts so that post can plan from state without loading the API client.

const WHAT = { password: 'branch password', role: 'role' };
/** `branch password "gha-…-x7k2q9"` and the like, for messages. */
const describeCredential = (target) => `${WHAT[target.kind]} ${(0,report_text/* show */.WU)(target.name)}`;

;// CONCATENATED MODULE: ./src/credentials/minting-accesses.ts
// What the minting token's own accesses say about the credential, once it is minted: a token
// that cannot delete it leaves it alive until its TTL ends, and one that cannot list it leaves
// post unable to confirm it gone. Pure. The accesses are the vendored spec's per-operation lists
// (any one suffices): delete_password and delete_role take delete_branch_password or its
// production variants; list_passwords and list_roles take read_branch, create_branch,
// delete_branch or a connect_* access.


const DELETE = ['delete_branch_password', 'delete_production_branch_password', 'delete_production_read_only_branch_password'];
const LIST = [
    'read_branch',
    'create_branch',
    'delete_branch',
    'connect_branch',
    'connect_production_branch',
    'connect_production_read_only_branch',
];
function holdsAny(held, accesses, database) {
    return held.some((h) => accesses.includes(h.access) && (h.resourceType === 'Organization' || (h.resourceType === 'Database' && h.resourceName === database)));
}
/** The warning to give, if the minting token cannot delete or list the credential; undefined when it can. */
function missingCredentialAccesses(held, target, cleanup) {
    const missing = [
        ...(cleanup && !holdsAny(held, DELETE, target.database) ? ['delete_branch_password'] : []),
        ...(!holdsAny(held, LIST, target.database) ? ['read_branch'] : []),
    ];
    if (missing.length === 0)
        return undefined;
    return (`The minting token does not hold ${missing.join(' or ')} on database ${(0,report_text/* show */.WU)(target.database)}: the post step will not be able to ` +
        `${missing.includes('delete_branch_password') ? 'delete' : 'confirm the deletion of'} ${describeCredential(target)}, which then stays valid until its TTL ends. ` +
        `Add ${missing.join(' and ')} to the minting token.`);
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
    if (error instanceof PlanetScaleApiError) {
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
    if (error instanceof PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${what}${attempts(error)}: ${error.reason}.`;
    }
    return `Failed ${what}: ${(0,report_text/* errorMessage */.gJ)(error)}.`;
}
/** Why listing the organization's tokens to look for `what` failed, and what it means. */
function listingFailure(error, what) {
    if (error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404)) {
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
// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __webpack_require__(7469);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/state/seal.ts
// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.

// With export-env on, main replaces env PLANETSCALE_SERVICE_TOKEN(_ID) with the minted token for
// every later step, post included; inputs that read those variables (`${{ env.… }}`) are
// evaluated again for post and change too. When the minting token came from there
// (inputs/minting-credential.ts replacedByExportEnv), post must still delete with it, so main keeps it in state,
// sealed (AES-256-GCM) under a key derived from the minted secret: post finds that secret in
// PLANETSCALE_SERVICE_TOKEN, and the state file alone reveals nothing. The sealed value is masked
// before it is saved: the runner logs saved state with debug on, and anyone with that log and the
// minted secret (which later steps see) could open it.
function keyFrom(mintedSecret) {
    return (0,external_node_crypto_.createHash)('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}
function sealCredential(credential, mintedSecret) {
    return seal(JSON.stringify(credential), mintedSecret);
}
/** The sealed credential, or undefined when the key is wrong or the value was tampered with. */
function openCredential(sealed, mintedSecret) {
    try {
        const value = JSON.parse(seal_open(sealed, mintedSecret) ?? 'null');
        if (typeof value?.token !== 'string')
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
/** Env values main replaced (steps/env-handover.ts), sealed the same way: they may be secrets. */
function sealEnv(values, mintedSecret) {
    return seal(JSON.stringify(values), mintedSecret);
}
function openEnv(sealed, mintedSecret) {
    try {
        const value = JSON.parse(seal_open(sealed, mintedSecret) ?? 'null');
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return undefined;
        const entries = Object.entries(value);
        return entries.every(([, v]) => typeof v === 'string') ? Object.fromEntries(entries) : undefined;
    }
    catch {
        return undefined;
    }
}
function seal(plain, mintedSecret) {
    const iv = (0,external_node_crypto_.randomBytes)(12);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', keyFrom(mintedSecret), iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}
function seal_open(sealed, mintedSecret) {
    try {
        const bytes = Buffer.from(sealed, 'base64url');
        // A full tag only: Node accepts a truncated GCM tag (down to 4 bytes) unless told its length.
        const decipher = createDecipheriv('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12), { authTagLength: 16 });
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/token/name.ts
var token_name = __webpack_require__(8434);
;// CONCATENATED MODULE: ./src/token/sweep-names.ts
// Which expired tokens the optional sweep (input sweep-expired) may delete: those this action
// minted in earlier runs, by their names. Pure; token/sweep.ts makes the calls.

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

;// CONCATENATED MODULE: ./src/steps/api-credential.ts
// The minting token as the API client takes it: without where it was read from.
function apiCredential(credential) {
    return credential.kind === 'api-token'
        ? { kind: 'api-token', token: credential.token }
        : { kind: 'service-token', id: credential.id, token: credential.token };
}

;// CONCATENATED MODULE: ./src/steps/main/advice.ts
// Reads that are advice only (the minting token's own accesses): used when they are in by the time
// the calls they run beside are answered, and never worth holding the step for long.
const settled = (promise) => promise.then(() => undefined, () => undefined);
/**
 * `read`'s value if it is in by the time `work` is done plus as long again as `work` took, from
 * this call; undefined otherwise, or when `read` fails. `work` is one round of calls sent now, so
 * the step waits at most one more round trip for the advice.
 */
function adviceWithin(read, work) {
    const started = Date.now();
    let timer;
    let answered = false;
    const late = settled(work).then(() => new Promise((resolve) => {
        // Once answered, no timer: a pending one would keep the process, and the step, alive.
        if (answered)
            resolve(undefined);
        else
            timer = setTimeout(resolve, Date.now() - started, undefined);
    }));
    return Promise.race([read.catch(() => undefined), late]).finally(() => {
        answered = true;
        clearTimeout(timer);
    });
}

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

;// CONCATENATED MODULE: ./src/steps/main/after-failure.ts
// Main's cleanup when it fails: the token is deleted (or looked for by name, when the create's
// answer was lost) before the step fails, so a failed step leaves nothing alive.







/**
 * A create call that failed may still have made a token: when the answer was lost (network
 * error, timeout), PlanetScale failed after acting (5xx), or the answer was unusable. Such a
 * token is found by its unique name and deleted, so a failed step leaves nothing alive.
 */
async function cleanUpFailedCreate(client, org, name, error) {
    if (!mayHaveActed(error) && !(error instanceof PlanetScaleResponseError)) {
        core/* saveState */.LZ(keys/* STATE */.c.settled, 'true');
        return;
    }
    // A call still in flight at PlanetScale (timed out, cancelled) may create the token after we
    // looked: post looks again.
    core/* saveState */.LZ(keys/* STATE */.c.lookUpByName, 'true');
    if (error instanceof PlanetScaleResponseError && error.tokenId) {
        log/* setSecret */.Pq(error.tokenId);
        const result = await removeToken(client, org, error.tokenId, name);
        if (result.ok)
            core/* saveState */.LZ(keys/* STATE */.c.settled, 'true');
        else
            core/* error */.z3(`${notRemoved(name, result)} after the failure: ${result.reason}`);
        return;
    }
    log/* info */.pq(`The create call may have reached PlanetScale: looking for a token named ${(0,report_text/* show */.WU)(name)} to delete.`);
    const result = await removeTokensNamed(client, org, name);
    if (result.ok) {
        core/* saveState */.LZ(keys/* STATE */.c.settled, 'true');
        log/* info */.pq(result.removed > 0
            ? `Deleted service token ${(0,report_text/* show */.WU)(name)}, created before the failure.`
            : 'No such token exists: nothing was left alive.');
    }
    else {
        core/* warning */.$e(`${result.reason} If the token was created, it stays valid until its TTL ends; the post step will look again.`);
    }
}
async function deleteAfterFailure(client, org, id, name, expiresAt) {
    const result = await removeToken(client, org, id, name);
    if (result.ok) {
        core/* saveState */.LZ(keys/* STATE */.c.settled, 'true');
        log/* info */.pq(result.outcome === 'deleted'
            ? `Deleted service token ${(0,report_text/* show */.WU)(name)} after the failure, so nothing is left alive.`
            : `Service token ${(0,report_text/* show */.WU)(name)} was already gone after the failure (none by its name is listed), so nothing is left alive.`);
    }
    else {
        core/* error */.z3(`${notRemoved(name, result)} after the failure: ${result.reason} ` +
            `The post step will try again; if it cannot, the token stays valid until ${expiresAt}.`);
    }
}

;// CONCATENATED MODULE: ./src/steps/main/create.ts
// Before a create call is tried again: reconcile by name, since create is not idempotent.






/**
 * Before a create call is tried again: if the failed one may have made the token (its answer
 * lost, or a 5xx), delete any token with our name, so that the retry cannot leave a second one
 * alive. Listing may be refused (no read_service_tokens): then warn, and go on.
 */
async function reconcileBeforeRetry(client, org, name, error) {
    if (!mayHaveActed(error))
        return;
    core/* saveState */.LZ(keys/* STATE */.c.lookUpByName, 'true');
    log/* info */.pq(`The failed create call may have reached PlanetScale: deleting any token named ${(0,report_text/* show */.WU)(name)} before trying again.`);
    const result = await removeTokensNamed(client, org, name);
    if (!result.ok) {
        core/* warning */.$e(`${result.reason} If that call made a token, it stays valid until its TTL ends unless the post step finds it.`);
    }
    else if (result.removed > 0) {
        log/* info */.pq(`Deleted service token ${(0,report_text/* show */.WU)(name)}, made by the failed call.`);
    }
}

;// CONCATENATED MODULE: ./src/token/grants.ts
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
const isOrganization = (record) => record.resourceType.toLowerCase() === 'organization';
const sameOrganization = (a, b) => a.toLowerCase() === b.toLowerCase();
function matches(request, record) {
    if (record.resourceType.toLowerCase() !== request.resourceType.toLowerCase())
        return false;
    return request.resourceType === 'Organization'
        ? sameOrganization(record.resourceName, request.resourceName)
        : record.resourceName === request.resourceName;
}
function checkGrants(asked, granted, org) {
    const missing = asked.flatMap((request) => {
        const absent = request.accesses.filter((access) => !granted.some((g) => g.access === access && matches(request, g)));
        return absent.length > 0 ? [{ ...request, accesses: absent }] : [];
    });
    const unexpected = granted.filter((g) => !asked.some((request) => request.accesses.includes(g.access) && matches(request, g)));
    const foreign = granted.filter((g) => isOrganization(g) && !sameOrganization(g.resourceName, org));
    return { missing, unexpected, foreign };
}

;// CONCATENATED MODULE: ./src/steps/main/concurrency.ts
// Runs tasks with a bound on how many are in flight, as Promise.allSettled runs them all at once.
// The bound keeps one job from spending the minting token's shared rate budget in one burst.
/** `task` for every item, at most `limit` at a time; the results in the items' order. */
async function settleLimited(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await task(items[i]) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/steps/main/step-failure.ts
// A failure main has already explained: the step reports its message and fails.
/** A failure already explained to the user; the step fails with its message. */
class StepFailure extends Error {
}

;// CONCATENATED MODULE: ./src/steps/main/grant.ts
// Granting the token its accesses, all at once, and checking what PlanetScale reports granted
// against what the job asked for: nothing missing, nothing extra.







/**
 * Grant calls in flight at once: 16 databases plus the organization go out in one round trip, and
 * a long list does not spend the minting token's shared rate limit in one burst.
 */
const MAX_GRANTS_IN_FLIGHT = 17;
/** One grant call per database plus one for the organization, in parallel: they are independent. */
async function grantAll(client, config, tokenId) {
    const results = await settleLimited(config.requests, MAX_GRANTS_IN_FLIGHT, (request) => grantAccesses(client, config.org, tokenId, request.resourceType === 'Organization' ? '' : request.resourceName, request.accesses));
    const failures = results.flatMap((result, i) => result.status === 'rejected' ? [explain(result.reason, { kind: 'grant', org: config.org, request: config.requests[i] })] : []);
    if (failures.length > 0)
        throw new StepFailure(failures.join('\n'));
    const answers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    // A paged answer holds one page of the token's accesses: the whole list is read, unpaged, once
    // every grant is made, so that the rest is not taken for accesses that were not granted.
    const granted = answers.some((answer) => answer.paged)
        ? await readAllAccesses(client, config.org, tokenId)
        : answers.flatMap((answer) => answer.records);
    const { missing, unexpected, foreign } = checkGrants(config.requests, granted, config.org);
    if (foreign.length > 0) {
        throw new StepFailure(`PlanetScale reports accesses on another organization than ${(0,report_text/* show */.WU)(config.org)}: ${foreign.map(describeRecord).join(', ')}. ` +
            'The token is not handed over on an answer that is not about it.');
    }
    if (missing.length > 0) {
        throw new StepFailure(`PlanetScale accepted the grants but does not report ${missing.map(describeRequest).join('; ')} as granted, ` +
            'so the token would not work as asked. This is unexpected: retry the job, and report it if it persists.');
    }
    if (unexpected.length > 0) {
        // More privilege than the job asked for is not handed over.
        throw new StepFailure(`PlanetScale reports accesses that were not asked for: ${unexpected.map(describeRecord).join(', ')}. ` +
            'The token is not handed over with more than the job asked for.');
    }
    return granted;
}
async function readAllAccesses(client, org, tokenId) {
    try {
        return await getTokenAccesses(client, org, tokenId);
    }
    catch (error) {
        const refused = error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404);
        throw new StepFailure("PlanetScale answered a grant call with one page of the token's accesses, and reading all of them failed" +
            (refused
                ? ` (HTTP ${error.status}): the minting token lacks read_service_tokens, so the grants cannot be checked. Add it to the minting token.`
                : `: ${(0,report_text/* errorMessage */.gJ)(error)}`));
    }
}
function describeRecord(g) {
    return `${g.access} on ${g.resourceType} ${(0,report_text/* show */.WU)(g.resourceName)}`;
}
function describeRequest(request) {
    return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${(0,report_text/* show */.WU)(request.resourceName)}`;
}

// EXTERNAL MODULE: ./src/inputs/config.ts + 2 modules
var inputs_config = __webpack_require__(89);
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

// EXTERNAL MODULE: ./src/steps/env-handover.ts
var env_handover = __webpack_require__(8354);
;// CONCATENATED MODULE: ./src/steps/main/hand-over.ts
// Handing the minted token to later steps: outputs, exported env, log and job summary.










/** Outputs, env for later steps, log and summary, for the token and the credential minted. */
async function handOver(config, name, minted, credential, runUrl, env) {
    // Only what was handed over may outlive the job (cleanup: false): what main failed to
    // delete after a failure is never kept, so post deletes it whatever cleanup says.
    core/* saveState */.LZ(keys/* STATE */.c.cleanup, String(config.cleanup));
    const summary = [];
    if (credential) {
        const { created, connection, target } = credential;
        core/* setOutput */.uH('database-url', connection.url);
        core/* setOutput */.uH('database-host', connection.host);
        core/* setOutput */.uH('database-port', String(connection.port));
        core/* setOutput */.uH('database-username', created.username);
        core/* setOutput */.uH('database-password', created.password);
        const urlEnv = config.exportEnv ? config.databaseCredential.urlEnv : '';
        if (urlEnv)
            core/* exportVariable */.dN(urlEnv, connection.url);
        const expires = created.expiresAt ? `; it expires at ${created.expiresAt}` : '';
        log/* info */.pq(`${capitalize(describeCredential(target))} on branch ${(0,report_text/* show */.WU)(target.branch)} of database ${(0,report_text/* show */.WU)(target.database)} is ready ` +
            `(${connection.host}:${connection.port}, user ${(0,report_text/* show */.WU)(created.username)})${expires}.${urlEnv ? ` Exported ${urlEnv} for later steps.` : ''}`);
        summary.push(credentialSummary({
            what: describeCredential(target),
            database: target.database,
            branch: target.branch,
            roles: credential.roles,
            expiresAt: created.expiresAt,
            cleanup: config.cleanup,
        }));
    }
    if (minted)
        await handOverToken(config, name, minted, runUrl, env, summary);
    else
        await log/* appendSummary */.fe(summary.join('\n'));
}
async function handOverToken(config, name, { token, granted }, runUrl, env, summary) {
    const { expiresAt } = token;
    const grouped = groupGranted(granted);
    core/* setOutput */.uH('service-token-id', token.id);
    core/* setOutput */.uH('service-token', token.token);
    core/* setOutput */.uH('name', name);
    core/* setOutput */.uH('expires-at', expiresAt);
    core/* setOutput */.uH('accesses', JSON.stringify(grouped));
    const variables = config.exportEnv
        ? { ...envForLaterSteps(config, token), [env_handover/* MINTED_MARKER */.bs]: (0,env_handover/* mintedMarker */.cc)(token.id) }
        : {};
    // Before replacing them: post puts them back, for the posts of earlier uses of the action. When
    // none was set, no earlier use's post reads them (one that exported or read its credential from
    // env set them), so there is nothing to put back and post stays free of node:crypto.
    const before = (0,env_handover/* valuesBefore */.wP)(Object.keys(variables), env);
    if (Object.values(before).some(Boolean)) {
        // Masked first, as the sealed credential is: the runner logs saved state with debug on.
        const sealed = sealEnv(before, token.token);
        log/* setSecret */.Pq(sealed);
        core/* saveState */.LZ(keys/* STATE */.c.envBefore, sealed);
    }
    for (const [variable, value] of Object.entries(variables))
        core/* exportVariable */.dN(variable, value);
    const exported = Object.keys(variables);
    for (const g of grouped)
        log/* info */.pq(`Granted on ${g.resource_type.toLowerCase()} ${(0,report_text/* show */.WU)(g.resource_name)}: ${g.accesses.join(', ')}`);
    log/* info */.pq(`Service token ${(0,report_text/* show */.WU)(name)} is ready; it expires at ${expiresAt}.` +
        (exported.length > 0 ? ` Exported ${exported.join(', ')} for later steps.` : ''));
    summary.unshift(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup, runUrl }));
    await log/* appendSummary */.fe(summary.join('\n'));
}
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** The variables pscale reads, as later steps get them. */
function envForLaterSteps(config, token) {
    return {
        PLANETSCALE_SERVICE_TOKEN_ID: token.id,
        PLANETSCALE_SERVICE_TOKEN: token.token,
        PLANETSCALE_ORG: config.org,
        // Only when not the default: a job-level PLANETSCALE_API_URL would otherwise be overridden for nothing.
        ...(config.apiUrl === inputs_config/* DEFAULT_API_URL */.rK ? {} : { PLANETSCALE_API_URL: config.apiUrl }),
    };
}

// EXTERNAL MODULE: ./src/inputs/parsed.ts
var parsed = __webpack_require__(2344);
;// CONCATENATED MODULE: ./src/credentials/connection.ts
// The connection details later steps get for a minted credential: host, port, and one URL that
// the engine's usual clients take as it is, with TLS verification on. Pure.
/** The engines' standard ports: PlanetScale's `access_host_url` carries none. */
const STANDARD_PORT = { mysql: 3306, postgresql: 5432 };
/**
 * Query strings that turn TLS verification on, host name included. MySQL: Prisma reads
 * `sslaccept=strict` and drops `ssl`; mysql2 reads `ssl` as JSON (it checks the host name only
 * with verifyIdentity) and warns that it ignores `sslaccept`. Postgres: pg and libpq read
 * `sslmode=verify-full`. See docs/database-credentials.md.
 */
const TLS_QUERY = {
    mysql: `sslaccept=strict&ssl=${encodeURIComponent('{"rejectUnauthorized":true,"verifyIdentity":true}')}`,
    postgresql: 'sslmode=verify-full',
};
const SCHEME = { mysql: 'mysql', postgresql: 'postgresql' };
// A host name (letters, digits, `-`, `.`), an IPv4 address, or an IPv6 address in brackets;
// then an optional port. Anything else from an answer is refused rather than put in a URL.
const HOST_AND_PORT = /^(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::(?<port>\d{1,5}))?$/;
/** `access_host_url` as host and port; undefined when it is not a host this action will put in a URL. */
function parseAccessHost(accessHost, kind) {
    // A bare IPv6 address (more than one colon, no brackets) carries no port.
    const text = !accessHost.startsWith('[') && (accessHost.match(/:/g) ?? []).length > 1 ? `[${accessHost}]` : accessHost;
    const match = HOST_AND_PORT.exec(text);
    if (!match?.groups)
        return undefined;
    const port = match.groups['port'] === undefined ? STANDARD_PORT[kind] : Number(match.groups['port']);
    if (port < 1 || port > 65_535)
        return undefined;
    return { host: match.groups['host'], port };
}
/** The connection for a credential; undefined when the host is unusable (see parseAccessHost). */
function connectionFor(kind, credential) {
    const at = parseAccessHost(credential.accessHost, kind);
    if (!at)
        return undefined;
    const userinfo = `${encodeURIComponent(credential.username)}:${encodeURIComponent(credential.password)}`;
    const url = `${SCHEME[kind]}://${userinfo}@${at.host}:${at.port}/${encodeURIComponent(credential.databaseName)}?${TLS_QUERY[kind]}`;
    return { host: at.host, port: at.port, url };
}
/**
 * Every form in which the password can appear in what the action hands over or a client prints:
 * as it is, percent-encoded as the URL has it (and as WHATWG URL would), and the URL itself.
 */
function secretForms(password, url) {
    const forms = [
        password,
        encodeURIComponent(password),
        new URL(`x://u:${password.replace(/[@/?#\\]/g, encodeURIComponent)}@h`).password,
        url,
    ];
    return [...new Set(forms.filter(Boolean))];
}

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
    if (error instanceof PlanetScaleApiError) {
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
    if (error instanceof PlanetScaleNetworkError) {
        return `Could not reach PlanetScale at ${error.url} while ${doing}${error.attempts > 1 ? `, after ${error.attempts} attempts` : ''}: ${error.reason}.`;
    }
    return `Failed ${doing}: ${(0,report_text/* errorMessage */.gJ)(error)}.`;
}

// EXTERNAL MODULE: ./src/inputs/database-credential.ts
var database_credential = __webpack_require__(9400);
;// CONCATENATED MODULE: ./src/credentials/plan.ts
// What credential to mint once PlanetScale has said the database's kind: the roles to ask for,
// or why the inputs do not fit that kind. Pure; checked before anything is created.



const ENGINE = { mysql: 'a Vitess (MySQL)', postgresql: 'a Postgres' };
function planCredential(databaseKind, request) {
    const database = `${(0,report_text/* show */.WU)(request.database)} is ${ENGINE[databaseKind]} database`;
    if (request.rolesKind && request.rolesKind !== databaseKind) {
        return {
            ok: false,
            input: 'role',
            message: `${request.roles.join(', ')} ${request.roles.length === 1 ? 'is a role' : 'are roles'} for ${ENGINE[request.rolesKind]} database, but ${database}: ` +
                (databaseKind === 'mysql'
                    ? 'use one of reader, writer, readwriter or admin.'
                    : 'give the roles to inherit, e.g. pg_read_all_data, pg_write_all_data or postgres.'),
        };
    }
    if (databaseKind === 'postgresql' && request.cidrs.length > 0) {
        return { ok: false, input: 'cidrs', message: `applies to branch passwords on Vitess databases, but ${database}: remove cidrs.` };
    }
    return {
        ok: true,
        kind: credentialKindOf(databaseKind),
        roles: request.roles.length > 0 ? request.roles : [...database_credential/* DEFAULT_ROLE */.lx[databaseKind]],
    };
}

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
    const what = describeCredential(target);
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
        log/* info */.pq(`${remove_capitalize(what)} is still listed by its name: deleting it by the listed ID.`);
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
    const what = describeCredential(target);
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
const remove_capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

;// CONCATENATED MODULE: ./src/credentials/state.ts
// The minted credential as main records it for post (STATE.credential): JSON, read back with
// every field checked, so that what post deletes is only ever what main described.
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
function encodeCredentialTarget(target) {
    const { org, database, branch, kind, name, successor } = target;
    return JSON.stringify({ org, database, branch, kind, name, ...(successor ? { successor } : {}) });
}
/** The target main recorded; undefined when there is none, or it is not one main could have written. */
function decodeCredentialTarget(text) {
    if (!text)
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const { org, database, branch, kind, name, successor } = value;
    const names = [org, database, branch, name];
    if (!names.every((n) => typeof n === 'string' && NAME.test(n)))
        return undefined;
    if (kind !== 'password' && kind !== 'role')
        return undefined;
    if (successor !== undefined && (typeof successor !== 'string' || !ID.test(successor)))
        return undefined;
    return {
        org: org,
        database: database,
        branch: branch,
        kind,
        name: name,
        ...(successor ? { successor: successor } : {}),
    };
}

;// CONCATENATED MODULE: ./src/steps/main/mint-credential.ts
// Main's database credential: once the database's kind is in (read beside the token's create),
// create a branch password (Vitess) or a role (Postgres) on the branch, mask it in every form,
// and give back the connection. A create that may have reached PlanetScale is reconciled by the
// credential's unique name before it is tried again, as the token's is.













async function mintCredential(client, config, name, kindRead, createClient, cleaner) {
    const request = config.databaseCredential;
    const ref = { org: config.org, database: request.database, branch: request.branch };
    let databaseKind;
    try {
        databaseKind = await kindRead;
    }
    catch (error) {
        core/* error */.z3(explainCredential(error, 'read the kind of', ref));
        return { ok: false, settled: true };
    }
    const plan = planCredential(databaseKind, request);
    if (!plan.ok) {
        core/* error */.z3((0,parsed/* formatInputError */.i)(plan), { title: `Input ${plan.input}` });
        return { ok: false, settled: true };
    }
    let target = { ...ref, kind: plan.kind, name };
    // The successor a deleted role hands what it owns to, read beside the create (no round trip
    // added); post reads it itself if this fails.
    const successorRead = plan.kind === 'role' ? getDefaultRoleId(client, ref, log/* setSecret */.Pq).catch(() => undefined) : undefined;
    core/* saveState */.LZ(keys/* STATE */.c.credential, encodeCredentialTarget(target));
    log/* info */.pq(`Minting ${describeCredential(target)} on branch ${(0,report_text/* show */.WU)(ref.branch)} of database ${(0,report_text/* show */.WU)(ref.database)} (${plan.kind === 'role' ? 'inheriting' : 'role'} ${plan.roles.join(', ')}), valid for the same TTL.`);
    let created;
    try {
        created = await createCredential(createClient, ref, plan.kind, { name, ttlSeconds: config.ttlSeconds, roles: plan.roles, cidrs: request.cidrs }, {
            beforeRetry: (error) => reconcileCredentialBeforeRetry(client, target, error),
            onSecret: log/* setSecret */.Pq,
        });
    }
    catch (error) {
        core/* error */.z3(explainCredential(error, 'create', target));
        return await cleanUpFailedCredentialCreate(cleaner(), target, error);
    }
    log/* setSecret */.Pq(created.password);
    core/* saveState */.LZ(keys/* STATE */.c.credentialId, created.id);
    const successor = await successorRead;
    if (successor) {
        target = { ...target, successor };
        core/* saveState */.LZ(keys/* STATE */.c.credential, encodeCredentialTarget(target));
    }
    const connection = connectionFor(databaseKind, created);
    if (!connection) {
        core/* error */.z3(`PlanetScale answered the ${credentialWhat(plan.kind)} create call with a host this action will not put in a URL (${(0,report_text/* show */.WU)(created.accessHost)}).`);
        return { ok: false, target, id: created.id, settled: false };
    }
    // Before any output or log line: every form the password takes.
    for (const form of secretForms(created.password, connection.url))
        log/* setSecret */.Pq(form);
    return { ok: true, minted: { target, databaseKind, roles: plan.roles, created, connection } };
}
/** Before a create is tried again: delete any credential with our name that the failed call may have made. */
async function reconcileCredentialBeforeRetry(client, target, error) {
    if (!mayHaveActed(error))
        return;
    log/* info */.pq(`The failed create call may have reached PlanetScale: deleting any ${describeCredential(target)} before trying again.`);
    const result = await removeCredential(client, target, undefined);
    if (!result.ok)
        core/* warning */.$e(`${result.reason} The post step will look for it again.`);
}
/**
 * A create that failed may still have made the credential (its answer lost or unusable, a 5xx):
 * it is looked for by name and deleted. A call cut off in flight may still be carried out after
 * that, so only a create that surely failed settles it; post looks again otherwise.
 */
async function cleanUpFailedCredentialCreate(client, target, error) {
    const answered = error instanceof PlanetScaleResponseError;
    if (!mayHaveActed(error) && !answered) {
        core/* saveState */.LZ(keys/* STATE */.c.credentialSettled, 'true');
        return { ok: false, settled: true };
    }
    const id = answered ? error.tokenId : undefined;
    log/* info */.pq(`The create call may have made ${describeCredential(target)}: looking for it by name to delete it.`);
    const result = await removeCredential(client, target, id);
    if (!result.ok) {
        core/* warning */.$e(`${result.reason} The post step will look again.`);
        return { ok: false, target, settled: false };
    }
    if (result.removed > 0)
        log/* info */.pq(`Deleted ${describeCredential(target)}, created before the failure.`);
    if (answered)
        core/* saveState */.LZ(keys/* STATE */.c.credentialSettled, 'true');
    return { ok: false, target, settled: answered };
}
/** Main's cleanup of a credential after a failure elsewhere (or in its own lane): deleted before the step fails. */
async function removeCredentialAfterFailure(client, target, id) {
    const result = await removeCredential(client, target, id);
    if (result.ok) {
        core/* saveState */.LZ(keys/* STATE */.c.credentialSettled, 'true');
        log/* info */.pq(result.outcome === 'deleted'
            ? `Deleted ${describeCredential(target)} after the failure, so nothing is left alive.`
            : `${describeCredential(target)} was already gone after the failure (none by its name is listed).`);
    }
    else {
        core/* error */.z3(`Could not ${result.unconfirmed ? 'confirm that' : 'delete'} ${describeCredential(target)}${result.unconfirmed ? ' is gone' : ''} after the failure: ${result.reason} The post step will try again.`);
    }
}

;// CONCATENATED MODULE: ./src/token/minting-token-accesses.ts
// What the minting token's own accesses say about this job, read while the token is created: a
// token that cannot delete what it mints leaves every minted token alive until its TTL ends, and
// one that lacks an access the job asks for makes the grant fail. Both are said before they bite.
// Pure: the accesses come in, sentences come out.

function holds(held, access, request) {
    return held.some((h) => h.access === access &&
        // A database access held at organization level is taken as held on every database: the
        // warning is advice, and must not cry wolf where PlanetScale might allow it.
        (h.resourceType === 'Organization' ||
            (request.resourceType === 'Database' && h.resourceType === 'Database' && h.resourceName === request.resourceName)));
}
/** The requested accesses the minting token does not hold, per resource. */
function missingAccesses(held, requests) {
    return requests.flatMap((request) => {
        const missing = request.accesses.filter((access) => !holds(held, access, request));
        return missing.length > 0 ? [{ ...request, accesses: missing }] : [];
    });
}
/** Whether the minting token holds delete_service_tokens on its organization. */
function canDelete(held) {
    return held.some((h) => h.access === 'delete_service_tokens' && h.resourceType === 'Organization');
}
function cannotDeleteWarning(name, expiresAt) {
    return (`The minting token lacks delete_service_tokens: the post step will not be able to delete service token ${(0,report_text/* show */.WU)(name)}, ` +
        `which stays valid until ${expiresAt}. Add delete_service_tokens to the minting token (organization Settings > Service tokens).`);
}
function missingAccessesWarning(missing) {
    const listed = missing
        .map((m) => `${m.accesses.join(', ')} on ${m.resourceType === 'Organization' ? 'organization' : 'database'} ${(0,report_text/* show */.WU)(m.resourceName)}`)
        .join('; ');
    return `The minting token does not hold ${listed}: PlanetScale lets a token grant only accesses it holds itself, so granting ${missing.length === 1 && missing[0].accesses.length === 1 ? 'it' : 'them'} will fail. Add ${missing.length === 1 && missing[0].accesses.length === 1 ? 'it' : 'them'} to the minting token, or ask for less.`;
}

;// CONCATENATED MODULE: ./src/steps/main/minting-token.ts
// The minting token's own accesses, read while the token is created: advice said before the grants.







/** The minting token's own accesses; undefined when they cannot be read. */
async function readMintingAccesses(options, org, id) {
    // The minting token's ID is in this call's path: kept out of the log lines, as it is out of every other.
    const hide = (log) => log && ((line) => log(line.replaceAll(id, '<minting token ID>')));
    const client = new PlanetScaleClient({
        ...options,
        debug: hide(options.debug),
        log: hide(options.log),
        retry: { ...DEFAULT_RETRY_POLICY, attempts: 1, rateLimitedAttempts: 1 },
    });
    return getTokenAccesses(client, org, id).catch(() => undefined);
}
/** Said before the grants: what the minting token's accesses mean for this job. */
async function warnAboutMintingToken(held, config, name, expiresAt) {
    if (config.cleanup && !canDelete(held)) {
        const warning = cannotDeleteWarning(name, expiresAt);
        core/* warning */.$e(warning);
        await log/* appendSummary */.fe(warningSummary(warning));
    }
    const missing = missingAccesses(held, config.requests);
    if (missing.length > 0)
        core/* warning */.$e(missingAccessesWarning(missing));
}

;// CONCATENATED MODULE: ./src/steps/main/mint-token.ts
// The main step once its inputs are valid (mint.ts loads this module only then: it brings undici):
// create the token, grant its accesses (grant.ts), hand it to later steps (hand-over.ts). If
// anything fails once the token exists, the token is deleted before the step fails
// (after-failure.ts), so a failed step leaves nothing alive. Transient failures are retried (planetscale/retry.ts); a create
// that may have reached PlanetScale is reconciled by name before it is tried again, since
// create is not idempotent. A cancellation (SIGINT/SIGTERM, see main.ts) stops the step and
// deletes what exists within the runner's grace period.
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
























/** The whole main step talks to PlanetScale within this, so an unreachable API fails within a minute. */
const MAIN_DEADLINE_MS = 45_000;
/**
 * A create answered nothing but 429 is given up this long after the step started, not at its
 * deadline (retry.ts retryDeadline): it made nothing, so failing loses nothing, and the jobs
 * sharing the minting token then spend its budget on the grants and deletes of tokens that
 * exist. It leaves a token made at the last moment most of the deadline for its grants.
 */
const CREATE_RATE_LIMITED_MS = 20_000;
/** Time kept for deleting a token after a failure, even past the deadline. */
const CLEANUP_FLOOR_MS = 8_000;
/**
 * Time for deleting after a cancellation, from the signal: the runner sends SIGTERM 7.5 s after
 * SIGINT, and kills 2.5 s after SIGTERM.
 */
const CANCEL_BUDGET_MS = { SIGINT: 6_000, SIGTERM: 2_000 };
/** Mints for valid inputs; resolves to the process exit code. */
async function mintToken(config, run, env, clock) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { started, cancel } = clock;
        const badProxy = proxyProblem(env, config.apiUrl);
        if (badProxy) {
            core/* error */.z3(badProxy);
            return 1;
        }
        const name = (0,token_name/* tokenName */.vb)(config.namePrefix);
        // Destroyed when the step returns, whichever way: no open socket delays the exit.
        const dispatcher = __addDisposableResource(env_1, stepDispatcher(env, config.apiUrl), true);
        const clientOptions = {
            dispatcher,
            baseUrl: config.apiUrl,
            credential: config.credential,
            debug: core/* isDebug */._o() ? core/* debug */.Yz : undefined,
            log: log/* info */.pq,
            deadline: started + MAIN_DEADLINE_MS,
            signal: cancel,
        };
        const client = new PlanetScaleClient(clientOptions);
        /** The client that deletes after a failure: never cancelled, and with time of its own. */
        const cleaner = () => client.derive({
            signal: undefined,
            deadline: cancel?.aborted
                ? clock.cancelledAt() + (CANCEL_BUDGET_MS[String(cancel.reason)] ?? CANCEL_BUDGET_MS['SIGTERM'])
                : Math.max(started + MAIN_DEADLINE_MS, Date.now() + CLEANUP_FLOOR_MS),
        });
        // Before the create call: post needs these to clean up whatever happens next.
        core/* saveState */.LZ(keys/* STATE */.c.org, config.org);
        core/* saveState */.LZ(keys/* STATE */.c.apiUrl, config.apiUrl);
        // The token's name tells post a token may exist: not written when only a credential is minted.
        if (config.requests.length > 0)
            core/* saveState */.LZ(keys/* STATE */.c.name, name);
        const proxy = recordProxySettings(env);
        if (proxy) {
            if (proxy.secret)
                log/* setSecret */.Pq(proxy.value);
            core/* saveState */.LZ(keys/* STATE */.c.proxy, proxy.value);
        }
        if (config.sweepExpired)
            core/* saveState */.LZ(keys/* STATE */.c.sweep, encodeSweepNames(config.sweepNames));
        core/* saveState */.LZ(keys/* STATE */.c.extraCaCerts, env['NODE_EXTRA_CA_CERTS'] ?? '');
        if (cancel?.aborted) {
            core/* error */.z3(`The job was cancelled (${String(cancel.reason)}) before the token was created: nothing was minted.`);
            return 1;
        }
        // The database's kind, read at once: the credential's create waits on it, and it runs beside
        // the token's create, so it adds no round trip when both are minted.
        const credentialRequest = config.databaseCredential;
        const kindRead = credentialRequest ? getDatabaseKind(client, config.org, credentialRequest.database) : undefined;
        kindRead?.catch(() => { }); // awaited by the credential's lane
        const mintsToken = config.requests.length > 0;
        // The grants go out at once when the create answers, each on a connection of its own: opened
        // now, they are ready by then. One more for the create itself, which takes the first, one for
        // the read of the minting token's own accesses that runs beside it, and two for the credential.
        const readsMintingAccesses = config.credential.kind === 'service-token';
        dispatcher.preconnect(config.apiUrl, (mintsToken ? Math.min(config.requests.length, MAX_GRANTS_IN_FLIGHT) + 1 : 0) + (readsMintingAccesses ? 1 : 0) + (kindRead ? 2 : 0));
        // The minting token's own accesses, read while the creates are in flight (no added round
        // trip). Advice only: one attempt, and any failure (a 404 without read_service_tokens) is skipped.
        const mintingAccesses = readsMintingAccesses && config.credential.kind === 'service-token'
            ? readMintingAccesses(clientOptions, config.org, config.credential.id)
            : undefined;
        const createClient = client.derive({ rateLimitedDeadline: started + CREATE_RATE_LIMITED_MS });
        const credentialLane = kindRead ? mintCredential(client, config, name, kindRead, createClient, cleaner) : undefined;
        // Without a token, the credential's create is the last round of calls: the advice is waited
        // for at most one round trip past it.
        const heldForCredential = !mintsToken && mintingAccesses && kindRead && credentialLane
            ? kindRead.then(() => adviceWithin(mintingAccesses, credentialLane), () => adviceWithin(mintingAccesses, credentialLane))
            : undefined;
        const [tokenOutcome, credentialOutcome] = await Promise.all([
            mintsToken ? mintServiceToken(client, createClient, cleaner, config, name, mintingAccesses, env, cancel) : undefined,
            credentialLane,
        ]);
        const held = mintsToken ? tokenOutcome?.held : await heldForCredential;
        if (held && credentialOutcome?.ok) {
            const missing = missingCredentialAccesses(held, credentialOutcome.minted.target, config.cleanup);
            if (missing)
                core/* warning */.$e(missing);
        }
        const failed = tokenOutcome?.ok === false || credentialOutcome?.ok === false;
        if (!failed && cancel?.aborted)
            core/* error */.z3(`The job was cancelled (${String(cancel.reason)}) while minting.`);
        if (failed || cancel?.aborted) {
            // Whatever was made is deleted before the step fails, both at once.
            const token = tokenOutcome?.token;
            const credential = credentialOutcome?.ok
                ? { target: credentialOutcome.minted.target, id: credentialOutcome.minted.created.id }
                : credentialOutcome;
            await Promise.all([
                token ? deleteAfterFailure(cleaner(), config.org, token.id, name, token.expiresAt) : undefined,
                credential?.target && !(credentialOutcome?.ok === false && credentialOutcome.settled)
                    ? removeCredentialAfterFailure(cleaner(), credential.target, credential.id)
                    : undefined,
            ]);
            return 1;
        }
        try {
            await handOver(config, name, tokenOutcome, credentialOutcome?.minted, run.runUrl, env);
            return 0;
        }
        catch (error) {
            core/* error */.z3(`Unexpected failure after minting: ${(0,report_text/* errorMessage */.gJ)(error)}`);
            await Promise.all([
                tokenOutcome ? deleteAfterFailure(cleaner(), config.org, tokenOutcome.token.id, name, tokenOutcome.token.expiresAt) : undefined,
                credentialOutcome?.ok
                    ? removeCredentialAfterFailure(cleaner(), credentialOutcome.minted.target, credentialOutcome.minted.created.id)
                    : undefined,
            ]);
            return 1;
        }
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
/** The token's lane: create, then grant. Failures are reported here; what was made is in the outcome, for the caller to delete. */
async function mintServiceToken(client, createClient, cleaner, config, name, mintingAccesses, env, cancel) {
    log/* info */.pq(`Minting service token ${(0,report_text/* show */.WU)(name)} in organization ${(0,report_text/* show */.WU)(config.org)}, valid for ${(0,report_text/* formatTtl */.YY)(config.ttlSeconds)}.`);
    let created;
    core/* saveState */.LZ(keys/* STATE */.c.createAttempted, 'true');
    try {
        created = await createServiceToken(createClient, config.org, { name, ttlSeconds: config.ttlSeconds }, 
        // The secret is masked the moment it arrives, even in an answer refused for a bad ID.
        { beforeRetry: (error) => reconcileBeforeRetry(client, config.org, name, error), onSecret: log/* setSecret */.Pq });
    }
    catch (error) {
        core/* error */.z3(cancel?.aborted
            ? `The job was cancelled (${String(cancel.reason)}) while the token was being created.`
            : explain(error, { kind: 'create', org: config.org }));
        await cleanUpFailedCreate(cleaner(), config.org, name, error);
        return { ok: false };
    }
    // At once: from here on the ID (and the secret, masked on arrival) may appear in runner output only as ***.
    log/* setSecret */.Pq(created.id);
    core/* saveState */.LZ(keys/* STATE */.c.id, created.id);
    const expiresAt = created.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
    core/* saveState */.LZ(keys/* STATE */.c.expiresAt, expiresAt);
    const token = { ...created, expiresAt };
    if (config.exportEnv && (0,minting_credential/* replacedByExportEnv */.D)(config.credential, env)) {
        const sealed = sealCredential(apiCredential(config.credential), token.token);
        // The runner logs every saved state value when debug is on: masked first, it shows as ***.
        log/* setSecret */.Pq(sealed);
        core/* saveState */.LZ(keys/* STATE */.c.sealedCredential, sealed);
    }
    // The grants do not wait for the minting token's own accesses, and the step waits for those at
    // most one round trip past the grants; its warnings still come before a grant's failure is reported.
    const granting = grantAll(client, config, token.id);
    granting.catch(() => { }); // awaited below, after the warnings
    const held = mintingAccesses && (await adviceWithin(mintingAccesses, granting));
    if (held)
        await warnAboutMintingToken(held, config, name, expiresAt);
    try {
        const granted = await granting;
        if (cancel?.aborted)
            throw new StepFailure('cancelled');
        return { ok: true, token, granted, held };
    }
    catch (error) {
        core/* error */.z3(cancel?.aborted
            ? `The job was cancelled (${String(cancel.reason)}) while the token's accesses were being granted.`
            : error instanceof StepFailure
                ? error.message
                : `Unexpected failure after minting: ${(0,report_text/* errorMessage */.gJ)(error)}`);
        return { ok: false, token, held };
    }
}


/***/ })

};
