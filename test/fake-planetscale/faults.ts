// Fault injection for the fake: what a flaky network or an overloaded API does to a request.
// Tests script faults per route, consumed one per matching request in order (or applied to every
// matching request), and may switch on a rate limit (a token bucket per credential, answering
// 429 with Retry-After). The limiter runs on a clock the test can move forward.
//
// server.ts asks `decide()` what to do with each request and hands the answer to `applyFault()`
// with its own handle / send / drop / record functions, so this file knows nothing of routes.

import { errorJson } from './responses.ts';

export type Fault =
  /** Answer with this status (and headers, body) without acting on the request. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  /** Wait `delayMs`, then act on the request and answer normally: a slow API. */
  | { kind: 'delay'; delayMs: number }
  /** Act on the request at once, answer `delayMs` later: the answer is slow, the work is done. */
  | { kind: 'late-answer'; delayMs: number }
  /** Close the connection without acting on the request or answering. */
  | { kind: 'drop-before'; delayMs?: number }
  /** Act on the request (a token is created…), then close the connection without answering. */
  | { kind: 'drop-after'; delayMs?: number }
  /** Act on the request and answer, with the JSON body changed by `alter`: a broken proxy or API. */
  | { kind: 'altered-answer'; alter: (body: unknown) => unknown; delayMs?: number };

export interface FaultMatch {
  /** Any method when absent. */
  method?: string;
  /** A regular expression tested against the raw path (no query), or the exact path. */
  path: RegExp | string;
}

export interface RateLimit {
  /** Sustained rate, as PlanetScale states it (600 a minute per credential). */
  perMinute: number;
  /** Requests allowed at once before the rate applies; low values force 429s under load. */
  burst: number;
  /**
   * Whether a refused request takes from the budget too. Off by default: PlanetScale does not say
   * (see #limit); on, it shows how retries fare with a stricter limiter.
   */
  countRefused?: boolean;
}

interface Rule {
  match: FaultMatch;
  faults: Fault[];
  /** Applied to every matching request instead of being consumed. */
  always: boolean;
}

export class FaultInjector {
  readonly #rules: Rule[] = [];
  #rateLimit: RateLimit | undefined;
  readonly #buckets = new Map<string, { tokens: number; atMs: number }>();
  #offsetMs = 0;
  /** What the faults did so far. */
  readonly stats = { injected: 0, rateLimited: 0 };

  /** Faults for the next matching requests, one each, in order. */
  script(match: FaultMatch, ...faults: Fault[]): void {
    this.#rules.push({ match, faults: [...faults], always: false });
  }

  /** A fault for every matching request, until clear(). */
  always(match: FaultMatch, fault: Fault): void {
    this.#rules.push({ match, faults: [fault], always: true });
  }

  rateLimit(limit: RateLimit | undefined): void {
    this.#rateLimit = limit;
    this.#buckets.clear();
  }

  /** Removes every scripted fault and the rate limit; keeps the clock and stats. */
  clear(): void {
    this.#rules.length = 0;
    this.rateLimit(undefined);
  }

  /** The limiter's clock, in ms: real time plus whatever advance() added. */
  now(): number {
    return performance.now() + this.#offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance(): expected a non-negative number, got ${ms}`);
    this.#offsetMs += ms;
  }

  /** The fault for one request, if any: the rate limit first, then the first matching rule. */
  decide(method: string, path: string, credential: string): Fault | undefined {
    const limited = this.#limit(credential);
    if (limited) {
      this.stats.rateLimited++;
      return limited;
    }
    const index = this.#rules.findIndex((rule) => matches(rule.match, method, path) && rule.faults.length > 0);
    if (index < 0) return undefined;
    const rule = this.#rules[index]!;
    const fault = rule.always ? rule.faults[0]! : rule.faults.shift()!;
    if (!rule.always && rule.faults.length === 0) this.#rules.splice(index, 1);
    this.stats.injected++;
    return fault;
  }

  #limit(credential: string): Fault | undefined {
    const limit = this.#rateLimit;
    if (!limit) return undefined;
    const perMs = limit.perMinute / 60_000;
    const now = this.now();
    const bucket = this.#buckets.get(credential) ?? { tokens: limit.burst, atMs: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.atMs) * perMs);
    bucket.atMs = now;
    this.#buckets.set(credential, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    // By default a refused request takes nothing from the bucket. PlanetScale states a number of
    // requests a minute per credential and a 429 over it; whether a refused request counts is not
    // stated. The client waits as Retry-After asks either way.
    // Counted, the debt is bounded by a minute's budget, as a window of a minute would forget older requests.
    if (limit.countRefused) bucket.tokens = Math.max(bucket.tokens - 1, -limit.perMinute);
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    return {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds) },
      body: errorJson('rate_limited', 'Rate limit exceeded'),
    };
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method && match.method !== method) return false;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

/** What server.ts lets a fault do with one request. */
export interface FaultIo<R> {
  /** Routes and handles the request (changing the model); returns the answer, not yet sent. */
  handle: () => Promise<R>;
  send: (result: R) => void;
  /** Answers with what the fault says, recording the request with that status. */
  answer: (status: number, headers: Record<string, string>, body: unknown) => void;
  /** Closes the connection without an answer; `handled` says whether the request was acted on. */
  drop: (handled: R | undefined) => void;
  /** The same answer with its JSON body changed by `alter`. */
  alter: (result: R, alter: (body: unknown) => unknown) => R;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function applyFault<R>(fault: Fault | undefined, io: FaultIo<R>): Promise<void> {
  if (fault?.kind === 'late-answer') {
    const result = await io.handle();
    await sleep(fault.delayMs);
    return io.send(result);
  }
  if (fault?.delayMs) await sleep(fault.delayMs);
  switch (fault?.kind) {
    case undefined:
    case 'delay':
      return io.send(await io.handle());
    case 'status':
      return io.answer(fault.status, fault.headers ?? {}, fault.body ?? errorJson('injected_fault', `Injected HTTP ${fault.status}`));
    case 'drop-before':
      return io.drop(undefined);
    case 'drop-after':
      return io.drop(await io.handle());
    case 'altered-answer':
      return io.send(io.alter(await io.handle(), fault.alter));
  }
}
