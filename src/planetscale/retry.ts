// When to try a PlanetScale call again, and how long to wait first. Pure functions: the client
// (client.ts) does the waiting and the logging.
//
// The numbers are small on purpose: a job waits for this step, and an unreachable API must fail
// within a minute. Five attempts with full jitter over 250 ms, 500 ms, 1 s, 2 s wait about 1.9 s
// on average in all; a Retry-After is honoured up to 10 s, and a 429 gets more attempts.

import { PlanetScaleApiError, PlanetScaleNetworkError } from './errors.js';

export interface RetryPolicy {
  /** Calls in all, the first one included. */
  attempts: number;
  /**
   * Calls in all when the last answer was 429: the API is well and asks us to wait, so waiting
   * longer pays (the deadline still bounds it). Many jobs sharing one minting token hit this.
   * May be Infinity: then only the deadline bounds it.
   */
  rateLimitedAttempts: number;
  /** The first backoff's upper bound; it doubles with each attempt. */
  baseMs: number;
  /** Upper bound of any backoff. */
  capMs: number;
  /** A server's Retry-After is honoured up to this. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  rateLimitedAttempts: 12,
  baseMs: 250,
  capMs: 4_000,
  retryAfterCapMs: 10_000,
};

/** Statuses that say "not now" rather than "no": the same call may succeed later. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

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
export function isRateLimited(error: unknown): boolean {
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
export function retryDeadline(deadline: number, rateLimitedDeadline: number | undefined, onlyRateLimited: boolean): number {
  return onlyRateLimited && rateLimitedDeadline !== undefined ? rateLimitedDeadline : deadline;
}

/** How many calls in all `policy` allows, given the last failure. */
export function attemptsAllowed(error: unknown, policy: RetryPolicy): number {
  return isRateLimited(error) ? policy.rateLimitedAttempts : policy.attempts;
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof PlanetScaleApiError) return RETRYABLE_STATUSES.has(error.status);
  if (error instanceof PlanetScaleNetworkError) return error.retryable;
  return false;
}

/**
 * Whether a failed call may still have been carried out by PlanetScale: the answer was lost
 * (reset, timeout, cancelled in flight) or PlanetScale failed after acting (5xx). A refused
 * connection, a 4xx and a 429 mean it was not.
 */
export function mayHaveActed(error: unknown): boolean {
  if (error instanceof PlanetScaleApiError) return error.status >= 500;
  if (error instanceof PlanetScaleNetworkError) return !error.code || !NOT_SENT_CODES.has(error.code);
  return true;
}

/** Retry-After as a wait in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month ("Sun, 22 Nov 2026 10:00:05 GMT"); Date.parse alone would take "-1".
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before attempt `attempt + 1`: full jitter, a random wait between 0 and
 * base·2^(attempt-1) (capped), which spreads out many clients that failed at the same moment;
 * after the server's Retry-After (capped) when it gave one, so that clients told "in 1 s" do
 * not all come back in the same instant.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const jitter = Math.round(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
  return retryAfterMs === undefined ? jitter : Math.min(retryAfterMs, policy.retryAfterCapMs) + jitter;
}

/** What went wrong with one attempt, for a log line: a status or an error, never a body. */
export function describeFailure(error: unknown): string {
  if (error instanceof PlanetScaleApiError) return `HTTP ${error.status}${error.code ? ` (${error.code})` : ''}`;
  if (error instanceof PlanetScaleNetworkError) return error.reason;
  return errorMessage(error);
}

export function formatWait(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What an error says: never empty (an Error without a message gives its name). */
function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message || error.name : String(error)) || 'unknown error';
}
