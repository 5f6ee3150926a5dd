// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing,
// retries (retry.ts decides, this file waits and logs), a per-request timeout, an overall
// deadline, and cancellation.
//
// It sends with undici's `request` over the step's dispatcher (dispatcher.ts: keep-alive,
// timeouts, TLS, proxy, no redirects); tests pass a MockAgent instead.

import { ACTION_NAME, ACTION_VERSION } from './version.js';
import { PlanetScaleApiError, PlanetScaleNetworkError, redact } from './errors.js';
import {
  DEFAULT_RETRY_POLICY,
  attemptsAllowed,
  describeFailure,
  formatWait,
  isRateLimited,
  isRetryable,
  parseRetryAfter,
  retryDeadline,
  retryDelayMs,
  type RetryPolicy,
} from './retry.js';
import { setImmediate as afterIo } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { request } from './undici.js';
import { MAX_BODY_BYTES } from './dispatcher.js';

export type Credential = { kind: 'service-token'; id: string; token: string } | { kind: 'api-token'; token: string };

export interface ClientOptions {
  /** e.g. https://api.planetscale.com, without a trailing slash. */
  baseUrl: string;
  credential: Credential;
  /** Debug log, one line per call: method, path, status, time. Never given a credential. */
  debug?: (line: string) => void;
  /** Info log: one line per retry (call, attempt, status or error, wait). Never given a credential. */
  log?: (line: string) => void;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Time (Date.now()) after which no call starts and no retry waits; a call in flight is cut at it. */
  deadline?: number;
  /**
   * The deadline instead for a call whose every failure was a 429 (retry.ts retryDeadline):
   * later for post's delete, which had better end late than leave a token alive; sooner for
   * main's create, which had better leave the shared budget to tokens that exist.
   */
  rateLimitedDeadline?: number;
  /** Aborts the call in flight and any wait: the job was cancelled. */
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** What the calls go over: the step's (dispatcher.ts), or a MockAgent in tests. */
  dispatcher: Dispatcher;
  /** Values hidden from API text besides the credential's, e.g. a minted token's ID and secret. */
  alsoHide?: readonly string[];
}

export interface SendOptions {
  /**
   * Called before each retry with the failure, e.g. to look for what a non-idempotent call may
   * have done. Throwing stops the retries with that error.
   */
  beforeRetry?: (error: unknown) => Promise<void>;
  /**
   * The least time left (before the deadline) to start an attempt with. For a call whose answer
   * must not be lost, i.e. create: an attempt cut off by the deadline could make a token we never
   * learn of, so it is better not sent. Default 0.
   */
  minTimeMs?: number;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  /** The answer's Date header (Date.parse), when it has a usable one: PlanetScale's clock. */
  date?: number;
}

/**
 * The least time to start a create call with (SendOptions.minTimeMs): with less, its answer could
 * not be waited for, and a token could be made that we never learn of.
 */
export const MIN_CALL_MS = 2_000;
/** The code of a call refused before it was sent (cancelled, or out of time): retry.ts NOT_SENT_CODES. */
export const NOT_SENT = 'ENOTSENT';
const DEFAULT_TIMEOUT_MS = 10_000;

export function authorizationHeader(credential: Credential): string {
  return credential.kind === 'service-token' ? `${credential.id}:${credential.token}` : `Bearer ${credential.token}`;
}

/**
 * `/v1/organizations/<org>/<segments…>` with every name encoded as one path segment. A segment
 * that is empty, `.` or `..` is refused: URL parsing would drop it or climb a level (even as %2E),
 * so an ID from an API answer could otherwise steer a call, with the credential, to another path.
 */
export function organizationPath(org: string, ...segments: string[]): string {
  for (const s of [org, ...segments]) {
    if (s === '' || s === '.' || s === '..')
      throw new Error(`refused to build a PlanetScale API path with the segment ${JSON.stringify(s)}`);
  }
  return ['/v1/organizations', org, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}

export class PlanetScaleClient {
  private readonly options: ClientOptions;
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];
  /** The minting token's own ID (none for an OAuth token): never a minted token's. */
  readonly ownTokenId: string | undefined;

  /** `secrets` is shared with the clients derived from this one, so that hide() reaches them all. */
  constructor(options: ClientOptions, secrets?: string[]) {
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
  hide(value: string): void {
    if (value && !this.secrets.includes(value)) this.secrets.push(value);
  }

  /** The same client with other limits, e.g. a fresh deadline and no cancellation for cleaning up. */
  derive(overrides: Partial<Pick<ClientOptions, 'deadline' | 'signal' | 'rateLimitedDeadline'>>): PlanetScaleClient {
    return new PlanetScaleClient({ ...this.options, ...overrides }, this.secrets);
  }

  /**
   * Sends a request, retrying what may succeed later (retry.ts) until the attempts or the
   * deadline run out; resolves for 2xx, throws PlanetScaleApiError / PlanetScaleNetworkError
   * (with `attempts` set) otherwise.
   */
  async send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, sendOptions: SendOptions = {}): Promise<ApiResponse<T>> {
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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendOnce<T>(method, path, body, minTimeMs, deadline);
      } catch (error) {
        onlyRateLimited &&= isRateLimited(error);
        deadline = retryDeadline(usualDeadline, this.options.rateLimitedDeadline, onlyRateLimited);
        const allowed = attemptsAllowed(error, policy);
        const wait = isRetryable(error) && attempt < allowed ? retryDelayMs(attempt, policy, retryAfterOf(error)) : undefined;
        const giveUp = () => {
          if (error instanceof PlanetScaleApiError || error instanceof PlanetScaleNetworkError) error.attempts = attempt;
          return error;
        };
        // A retry must leave its call the time it needs, or waiting for it is pointless.
        const noTime = () => Date.now() + wait! + minTimeMs >= deadline;
        if (wait === undefined || noTime() || this.options.signal?.aborted) throw giveUp();
        await sendOptions.beforeRetry?.(error);
        // beforeRetry may have used up the time: the failure to report is still this call's own.
        if (noTime() || this.options.signal?.aborted) throw giveUp();
        const retryAfter = retryAfterOf(error);
        const cappedNote =
          retryAfter !== undefined && retryAfter > policy.retryAfterCapMs ? `, capped at ${formatWait(policy.retryAfterCapMs)}` : '';
        this.options.log?.(
          `PlanetScale API ${method} ${path}: attempt ${attempt}${Number.isFinite(allowed) ? ` of ${allowed}` : ''} failed (${describeFailure(error)}); ` +
            `retrying in ${formatWait(wait)}${retryAfter !== undefined ? ` (Retry-After: ${formatWait(retryAfter)}${cappedNote})` : ''}.`,
        );
        // Once, as the wait first reaches past the usual time limit.
        if (!passedUsualDeadline && Date.now() + wait + minTimeMs >= usualDeadline) {
          passedUsualDeadline = true;
          this.options.log?.(
            `PlanetScale API ${method} ${path}: rate-limited (HTTP 429) on every attempt, past the usual time limit; ` +
              `trying on for at most ${formatWait(deadline - Date.now())} more rather than give up.`,
          );
        }
        // A timer that fires late (a busy runner) may leave the retry no time: the failure to
        // report is then still this call's own, not a retry refused before it was sent.
        if (!(await this.pause(wait)) || Date.now() + minTimeMs >= deadline) throw giveUp();
      }
    }
  }

  /** Whether a wait of `ms` started now ends before the deadline: one that ends past it is not worth starting. */
  waitEndsInTime(ms: number): boolean {
    return Date.now() + ms < (this.options.deadline ?? Infinity);
  }

  /** Waits `ms`; false when the job was cancelled meanwhile. */
  private pause(ms: number): Promise<boolean> {
    const signal = this.options.signal;
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      signal?.addEventListener('abort', onAbort);
    });
  }

  private async sendOnce<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    minTimeMs: number,
    deadline: number,
  ): Promise<ApiResponse<T>> {
    const url = this.options.baseUrl + path;
    const started = performance.now();
    const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
    const { signal: cancelled } = this.options;
    // Refused before anything is sent (code NOT_SENT): nothing can have been acted on.
    if (cancelled?.aborted) throw new PlanetScaleNetworkError(method, url, 'cancelled', { code: NOT_SENT, retryable: false });
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
      return await this.attempt<T>(
        method,
        path,
        url,
        body,
        headers,
        started,
        cancelled ? AbortSignal.any([timeout, cancelled]) : timeout,
        watchdog.fired,
      );
    } finally {
      watchdog.clear();
    }
  }

  private async attempt<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    url: string,
    body: unknown,
    headers: Record<string, string>,
    started: number,
    signal: AbortSignal,
    watchdog: Promise<never>,
  ): Promise<ApiResponse<T>> {
    const { signal: cancelled } = this.options;
    let response: Dispatcher.ResponseData;
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
    } catch (error) {
      if (error instanceof PlanetScaleNetworkError) throw error; // the watchdog's
      const { reason, code, retryable } = describeRequestFailure(error);
      const wasCancelled = cancelled?.aborted === true;
      this.options.debug?.(`PlanetScale API ${method} ${path} failed after ${elapsed(started)}: ${wasCancelled ? 'cancelled' : reason}`);
      throw new PlanetScaleNetworkError(method, url, wasCancelled ? 'cancelled' : reason, { code, retryable: retryable && !wasCancelled });
    }
    let text: string;
    try {
      text = await Promise.race([response.body.text(), watchdog]);
    } catch (error) {
      if (error instanceof PlanetScaleNetworkError) throw error; // the watchdog's
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
    await afterIo();
    const status = response.statusCode;
    this.options.debug?.(`PlanetScale API ${method} ${path} -> ${status} in ${elapsed(started)}`);

    // The credential must never follow a redirect to another host; PlanetScale does not redirect
    // API calls, so a redirect is refused (the dispatcher never follows one).
    if (status >= 300 && status < 400) {
      throw new PlanetScaleNetworkError(
        method,
        url,
        `refused to follow a redirect (HTTP ${status}) so that the credential is not sent elsewhere`,
        {
          retryable: false,
        },
      );
    }
    if (status < 200 || status >= 300) {
      const { code, message } = errorBody(text);
      const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), Date.now());
      // The code is shown too, so it gets the same treatment as the message: an API (or a proxy
      // in front of it) may echo the credential in either.
      const safe = (text: string | undefined) => (text === undefined ? undefined : redact(text, this.secrets));
      throw new PlanetScaleApiError(method, path, status, safe(code), safe(message), retryAfter);
    }
    const date = Date.parse(headerValue(response.headers['date']) ?? '');
    return Number.isNaN(date)
      ? { status, body: (text ? safeJson(text) : undefined) as T }
      : { status, body: (text ? safeJson(text) : undefined) as T, date };
  }
}

/** How long past an attempt's own limit the watchdog waits for the dispatcher to end it. */
export const WATCHDOG_GRACE_MS = 1_000;

/**
 * A timer that, after `ms` (or the grace after `cancelled` fires), destroys the dispatcher (every
 * connection of the step, so that nothing keeps the process alive or spinning) and rejects
 * `fired`. Unref'd: it never holds the step open.
 */
function stopAfter(
  ms: number,
  cancelled: AbortSignal | undefined,
  dispatcher: Dispatcher,
  method: string,
  url: string,
): { fired: Promise<never>; clear: () => void } {
  let reject: (error: unknown) => void = () => {};
  const fired = new Promise<never>((_, r) => (reject = r));
  fired.catch(() => {}); // raced only while the attempt runs
  const fire = () => {
    dispatcher.destroy().catch(() => {});
    reject(
      new PlanetScaleNetworkError(method, url, 'the connection did not end at the time limit, so the step closed its connections', {
        code: 'EWATCHDOG',
        retryable: false,
      }),
    );
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

function retryAfterOf(error: unknown): number | undefined {
  return error instanceof PlanetScaleApiError && (error.status === 429 || error.status === 503) ? error.retryAfterMs : undefined;
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** PlanetScale's `{code, message}`; some error bodies are not JSON, or empty. */
function errorBody(text: string): { code?: string; message?: string } {
  const json = safeJson(text);
  if (json && typeof json === 'object') {
    const { code, message } = json as Record<string, unknown>;
    return {
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  }
  return { message: text.trim() ? text : undefined };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A proxy refused to open a tunnel: the request never reached PlanetScale (see retry.ts). */
export const PROXY_REFUSED = 'EPROXYREFUSED';

/**
 * What a failed request says happened: undici rejects with the socket's error or one of its own
 * (code UND_ERR_…), the real reason sometimes a cause or two deeper; with the signal's reason
 * when it aborted. The deepest message and the first string code are what say what happened.
 * The reason is never empty; `retryable` is false for what a retry cannot fix.
 */
function describeRequestFailure(error: unknown): { reason: string; code?: string; retryable: boolean } {
  if (!(error instanceof Error)) return { reason: String(error) || 'unknown error', retryable: true };
  if (error.name === 'TimeoutError') return { reason: 'timed out', code: 'ETIMEDOUT', retryable: true };
  let code: string | undefined;
  let message = '';
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const own = (cause as { code?: unknown }).code;
    if (typeof own === 'string' && !code) code = own;
    // An AggregateError (every address refused) has an empty message but a code.
    if (cause.message) message = cause.message;
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { reason: 'timed out', code, retryable: true };
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
  if (!message && !code) return { reason: error.message || error.name, retryable: true };
  return { reason: code ? `${code}: ${message || 'no message'}` : message, code, retryable: true };
}
