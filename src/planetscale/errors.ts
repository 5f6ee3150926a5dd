// What can go wrong talking to PlanetScale, as values the rest of the action can explain.

/** PlanetScale answered, with a status that is not success. */
export class PlanetScaleApiError extends Error {
  override readonly name = 'PlanetScaleApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** PlanetScale's `code` (e.g. "not_found"), when the body had one. */
  readonly code: string | undefined;
  /** PlanetScale's `message`, trimmed and with credential-looking text redacted. */
  readonly apiMessage: string | undefined;
  /** The wait the answer's Retry-After header asked for, in ms. */
  readonly retryAfterMs: number | undefined;
  /** How many calls were made before giving up (set by the client). */
  attempts = 1;

  constructor(
    method: string,
    path: string,
    status: number,
    code: string | undefined,
    apiMessage: string | undefined,
    retryAfterMs?: number,
  ) {
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
export class PlanetScaleNetworkError extends Error {
  override readonly name = 'PlanetScaleNetworkError';
  readonly method: string;
  readonly url: string;
  readonly reason: string;
  /** The system error code (ECONNREFUSED, ECONNRESET, …), when there was one. */
  readonly code: string | undefined;
  /** False for what a retry cannot fix: a refused redirect, a cancelled job. */
  readonly retryable: boolean;
  /** How many calls were made before giving up (set by the client). */
  attempts = 1;

  constructor(method: string, url: string, reason: string, options: { code?: string; retryable?: boolean } = {}) {
    super(`${method} ${url}: ${reason}`);
    this.method = method;
    this.url = url;
    this.reason = reason || 'unknown error';
    this.code = options.code;
    this.retryable = options.retryable ?? true;
  }
}

/** PlanetScale answered success with a body we cannot use. */
export class PlanetScaleResponseError extends Error {
  override readonly name = 'PlanetScaleResponseError';
  /** The ID of a token the malformed answer did name, so that it can still be deleted. */
  readonly tokenId: string | undefined;

  constructor(message: string, tokenId?: string) {
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
export function redact(text: string, knownSecrets: readonly string[] = []): string {
  const spans: [number, number][] = [];
  for (const secret of knownSecrets) {
    if (!secret) continue;
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) spans.push([at, at + secret.length]);
  }
  for (const match of text.matchAll(/pscale_[a-z]+_[A-Za-z0-9_-]+/g)) spans.push([match.index, match.index + match[0].length]);
  spans.sort((a, b) => a[0] - b[0]);
  let safe = '';
  let done = 0;
  for (const [start, end] of spans) {
    if (end <= done) continue;
    if (start >= done) safe += `${text.slice(done, start)}***`;
    done = end;
  }
  safe += text.slice(done);
  safe = safe.replace(/\s+/g, ' ').trim();
  return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : safe;
}
