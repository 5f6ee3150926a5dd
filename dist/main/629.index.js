export const id = 629;
export const ids = [629];
export const modules = {

/***/ 629:
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
 * jobs sharing one minting credential share its budget of requests, so under a rate limit what
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

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
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
        return preconnecting(options, (0,undici/* buildConnector */.gU)(tls));
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
    return disposable(new undici/* EnvHttpProxyAgent */.J2(proxied), { preconnect: () => { } });
}
/** An Agent whose new connections come first from those opened ahead (preconnect). */
function preconnecting(options, connector) {
    const ready = [];
    const keyOf = (o) => `${o.protocol}//${o.hostname}:${o.port || (o.protocol === 'https:' ? '443' : '80')}`;
    const open = (o) => new Promise((resolve, reject) => connector(o, (error, socket) => (error ? reject(error) : resolve(socket))));
    const agent = new undici/* Agent */.g6({
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
    /** The minting service token's own ID (none for an OAuth token): never a minted token's. */
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
                (0,undici/* request */.Em)(url, {
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
// the minting credential), so it is taken only if it has the shape of one.
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
    // Taken for the new token, the minting credential's own ID would be granted to and deleted.
    if (id !== undefined && id === client.ownTokenId) {
        throw new PlanetScaleResponseError('PlanetScale answered the create call with the ID of the minting credential itself, not of a new token');
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
 * come from an API answer, and goes into a path sent with the minting credential.
 */
function tokenPath(org, id, ...rest) {
    if (!isServiceTokenId(id))
        throw new PlanetScaleResponseError('Refused to use a service token ID that does not look like one in an API path');
    return organizationPath(org, 'service-tokens', id, ...rest);
}
/** Grants and deletes are for minted tokens only: never for the credential that makes the calls. */
function refuseOwnToken(client, id, what) {
    if (id === client.ownTokenId)
        throw new PlanetScaleResponseError(`Refused to ${what} the minting credential itself`);
}
/**
 * Grants `accesses` on `database`, or on the organization when `database` is "" (as pscale
 * sends it). Returns the access records PlanetScale answers with.
 */
async function grantAccesses(client, org, tokenId, database, accesses) {
    refuseOwnToken(client, tokenId, 'grant accesses to');
    const { body } = await client.send('POST', tokenPath(org, tokenId, 'access'), {
        database,
        access: accesses,
    });
    return { records: accessRecords(body, 'grant'), paged: nextPage(body, 1) > 0 };
}
/** Every access the token holds, following `next_page` through every page. */
async function listTokenAccesses(client, org, tokenId) {
    const { items, cutShort } = await listAll(client, tokenPath(org, tokenId, 'access'), 'access records');
    // Accesses on the pages not read could be ones the job never asked for.
    if (cutShort)
        throw new PlanetScaleResponseError(`${cutShort}, so the token's accesses cannot be checked`);
    return accessRecords(items, 'accesses');
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
 * so that it cannot spend the rate limit the minting credential shares with every job using it
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
    const limit = `the ${(MAX_LIST_PAGES * PER_PAGE).toLocaleString('en-US')} a lookup reads (${MAX_LIST_PAGES} pages of ${PER_PAGE}, to spare the rate limit the minting credential shares)`;
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

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/explain.ts
// Turning a failed API call into a message that says what happened and what to do. PlanetScale
// answers 404 for a missing permission, so a 404 names both causes: the thing does not exist, or
// the minting credential may not touch it.


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
        const status = `HTTP ${error.status}${error.code ? `, code ${(0,report_text/* show */.WU)(error.code)}` : ''}`;
        // apiMessage is already redacted and cut to 300 characters: shown whole.
        const detail = error.apiMessage ? ` PlanetScale says: ${(0,report_text/* show */.WU)(error.apiMessage, Infinity)}.` : '';
        if (error.status === 401) {
            return (`PlanetScale rejected the minting credential (${status}) while ${what}: the service token ID/secret or ` +
                `api-token is wrong, expired or deleted. Check the secrets the workflow passes, or create a new minting token.`);
        }
        if (error.status === 403 || error.status === 404) {
            return `PlanetScale refused ${what} (${status}): ${notFoundAdvice(op)}`;
        }
        if (error.status === 429) {
            return (`PlanetScale rate-limited ${what} (${status}${attempts(error)}): the minting credential's requests a minute, ` +
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
        return `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting credential lacks read_service_tokens, so ${what} cannot be looked for.`;
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
// evaluated again for post and change too. When the minting credential came from there
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
// The minting credential as the API client takes it: without where it was read from.
function apiCredential(credential) {
    return credential.kind === 'api-token'
        ? { kind: 'api-token', token: credential.token }
        : { kind: 'service-token', id: credential.id, token: credential.token };
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
                    'the minting credential lacks delete_service_tokens (a read lagging behind a write would have caught up). Add it to the minting token.',
            };
        }
        if (!client.waitEndsInTime(DELETE_AGAIN_AFTER_MS)) {
            return {
                ok: false,
                reason: `PlanetScale answered 404 to deleting service token ${(0,report_text/* show */.WU)(name)}, yet still shows it, and the time limit for talking to PlanetScale ` +
                    'leaves no time to wait and try once more: whether its reads lag behind its writes or the minting credential lacks delete_service_tokens is not known.',
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
    // A paged answer holds one page of the token's accesses: the whole list is read once every
    // grant is made, so that the rest is not taken for accesses that were not granted.
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
        return await listTokenAccesses(client, org, tokenId);
    }
    catch (error) {
        const refused = error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404);
        throw new StepFailure("PlanetScale answered a grant call with one page of the token's accesses, and reading the other pages failed" +
            (refused
                ? ` (HTTP ${error.status}): the minting credential lacks read_service_tokens, so the grants cannot be checked. Add it to the minting token.`
                : `: ${(0,report_text/* errorMessage */.gJ)(error)}`));
    }
}
function describeRecord(g) {
    return `${g.access} on ${g.resourceType} ${(0,report_text/* show */.WU)(g.resourceName)}`;
}
function describeRequest(request) {
    return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${(0,report_text/* show */.WU)(request.resourceName)}`;
}

// EXTERNAL MODULE: ./src/inputs/config.ts + 4 modules
var inputs_config = __webpack_require__(4406);
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
/** A warning in the summary, as GitHub renders an alert; one paragraph. */
function warningSummary(message) {
    return `> [!WARNING]\n> ${cell(message)}\n`;
}

// EXTERNAL MODULE: ./src/steps/env-handover.ts
var env_handover = __webpack_require__(8354);
;// CONCATENATED MODULE: ./src/steps/main/hand-over.ts
// Handing the minted token to later steps: outputs, exported env, log and job summary.









/** Outputs, env for later steps, log and summary. */
async function handOver(config, name, token, expiresAt, granted, runUrl, env) {
    const grouped = groupGranted(granted);
    // Only a token handed over may outlive the job (cleanup: false): one that main failed to
    // delete after a failure is never kept, so post deletes it whatever cleanup says.
    core/* saveState */.LZ(keys/* STATE */.c.cleanup, String(config.cleanup));
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
    await log/* appendSummary */.fe(mintSummary({ name, org: config.org, expiresAt, granted: grouped, cleanup: config.cleanup, runUrl }));
}
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
    return listTokenAccesses(client, org, id).catch(() => undefined);
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
 * sharing the minting credential then spend its budget on the grants and deletes of tokens that
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
        log/* info */.pq(`Minting service token ${(0,report_text/* show */.WU)(name)} in organization ${(0,report_text/* show */.WU)(config.org)}, valid for ${(0,report_text/* formatTtl */.YY)(config.ttlSeconds)}.`);
        // The grants go out at once when the create answers, each on a connection of its own: opened
        // now, they are ready by then. One more for the create itself, which takes the first, and one
        // for the read of the minting token's own accesses that runs beside it.
        const readsMintingAccesses = config.credential.kind === 'service-token';
        dispatcher.preconnect(config.apiUrl, Math.min(config.requests.length, MAX_GRANTS_IN_FLIGHT) + 1 + (readsMintingAccesses ? 1 : 0));
        let token;
        core/* saveState */.LZ(keys/* STATE */.c.createAttempted, 'true');
        // The minting token's own accesses, read while the create call is in flight (no added round
        // trip). Advice only: one attempt, and any failure (a 404 without read_service_tokens) is skipped.
        const mintingAccesses = readsMintingAccesses && config.credential.kind === 'service-token'
            ? readMintingAccesses(clientOptions, config.org, config.credential.id)
            : undefined;
        try {
            token = await createServiceToken(client.derive({ rateLimitedDeadline: started + CREATE_RATE_LIMITED_MS }), config.org, { name, ttlSeconds: config.ttlSeconds }, 
            // The secret is masked the moment it arrives, even in an answer refused for a bad ID.
            { beforeRetry: (error) => reconcileBeforeRetry(client, config.org, name, error), onSecret: log/* setSecret */.Pq });
        }
        catch (error) {
            core/* error */.z3(cancel?.aborted
                ? `The job was cancelled (${String(cancel.reason)}) while the token was being created.`
                : explain(error, { kind: 'create', org: config.org }));
            await cleanUpFailedCreate(cleaner(), config.org, name, error);
            return 1;
        }
        // At once: from here on the ID (and the secret, masked on arrival) may appear in runner output only as ***.
        log/* setSecret */.Pq(token.id);
        core/* saveState */.LZ(keys/* STATE */.c.id, token.id);
        const expiresAt = token.expiresAt ?? new Date(Date.now() + config.ttlSeconds * 1000).toISOString();
        core/* saveState */.LZ(keys/* STATE */.c.expiresAt, expiresAt);
        if (config.exportEnv && (0,minting_credential/* replacedByExportEnv */.D)(config.credential, env)) {
            const sealed = sealCredential(apiCredential(config.credential), token.token);
            // The runner logs every saved state value when debug is on: masked first, it shows as ***.
            log/* setSecret */.Pq(sealed);
            core/* saveState */.LZ(keys/* STATE */.c.sealedCredential, sealed);
        }
        // The grants do not wait for the minting token's own accesses (a long list is read in pages, a
        // round trip each); its warnings still come before a grant's failure is reported.
        const granting = grantAll(client, config, token.id);
        granting.catch(() => { }); // awaited below, after the warnings
        const held = await mintingAccesses;
        if (held)
            await warnAboutMintingToken(held, config, name, expiresAt);
        try {
            const granted = await granting;
            if (cancel?.aborted)
                throw new StepFailure('cancelled');
            await handOver(config, name, token, expiresAt, granted, run.runUrl, env);
            return 0;
        }
        catch (error) {
            core/* error */.z3(cancel?.aborted
                ? `The job was cancelled (${String(cancel.reason)}) while the token's accesses were being granted.`
                : error instanceof StepFailure
                    ? error.message
                    : `Unexpected failure after minting: ${(0,report_text/* errorMessage */.gJ)(error)}`);
            await deleteAfterFailure(cleaner(), config.org, token.id, name, expiresAt);
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


/***/ })

};
