// The HTTP layer of the PlanetScale API: base URL, authentication, JSON, errors, debug timing.
//
// It uses Node's built-in fetch (undici inside Node), so the bundle carries no HTTP library and
// pays no start-up for one. Tests can pass an undici `dispatcher` (e.g. a MockAgent).

import { ACTION_NAME, ACTION_VERSION } from '../version.js';
import { PlanetScaleApiError, PlanetScaleNetworkError, redact } from './errors.js';

export type Credential = { kind: 'service-token'; id: string; token: string } | { kind: 'api-token'; token: string };

export interface ClientOptions {
  /** e.g. https://api.planetscale.com, without a trailing slash. */
  baseUrl: string;
  credential: Credential;
  /** Debug log, one line per call: method, path, status, time. Never given a credential. */
  debug?: (line: string) => void;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** An undici Dispatcher for fetch; tests only. */
  dispatcher?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

const DEFAULT_TIMEOUT_MS = 30_000;

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
    if (s === '' || s === '.' || s === '..') throw new Error(`refused to build a PlanetScale API path with the segment ${JSON.stringify(s)}`);
  }
  return ['/v1/organizations', org, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}

export class PlanetScaleClient {
  private readonly options: ClientOptions;
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];

  constructor(options: ClientOptions) {
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
  async send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<ApiResponse<T>> {
    const url = this.options.baseUrl + path;
    const started = performance.now();
    const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
    let response: Response;
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
      } as RequestInit);
    } catch (error) {
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
      const safe = (text: string | undefined) => (text === undefined ? undefined : redact(text, this.secrets));
      throw new PlanetScaleApiError(method, path, response.status, safe(code), safe(message));
    }
    return { status: response.status, body: (text ? safeJson(text) : undefined) as T };
  }
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

/** fetch rejects with "fetch failed" and the real reason in `cause`; never empty. */
function describeFetchFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as { code?: string }).code;
      return code ? `${code}: ${cause.message}` : cause.message;
    }
    return error.message || error.name;
  }
  return String(error) || 'unknown error';
}
