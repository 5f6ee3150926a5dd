// What each built step holds of undici, and its size. The steps import undici's dispatcher
// modules by path (src/planetscale/undici.ts): its package entry would also bundle fetch,
// WebSocket, EventSource, the cache and cookie APIs (lib/web), which no step calls and which
// every start-up would load.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

/**
 * The bytes of an entry's .js files (index.js and its chunks) the build may reach: what it
 * builds now, about 1.13 MB for main and 1.06 MB for post, plus room for the action's own
 * growth. All of undici's entry would add some 0.7 MB.
 */
const BUDGET_BYTES = { main: 1_250_000, post: 1_200_000 } as const;

/** Definitions only undici's lib/web holds: fetch, its Response and Headers, WebSocket, EventSource, caches, cookies. */
const LIB_WEB_MARKERS = [
  /\bfunction fetching\b/,
  /\bclass Response\b/,
  /\bclass Headers\b/,
  /\bclass WebSocket\b/,
  /\bclass EventSource\b/,
  /\bclass CacheStorage\b/,
  /\bfunction getSetCookies\b/,
];

const files = (entry: string) =>
  readdirSync(new URL(`${entry}/`, dist))
    .filter((f) => f.endsWith('.js'))
    .map((f) => new URL(`${entry}/${f}`, dist));

describe('dist/ bundles', () => {
  for (const entry of ['main', 'post'] as const) {
    it(`${entry}: holds undici's dispatchers but none of its lib/web`, () => {
      const text = files(entry)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
      expect(text).toMatch(/\bclass EnvHttpProxyAgent\b/); // the markers are looked for in the right place
      expect(LIB_WEB_MARKERS.filter((marker) => marker.test(text))).toEqual([]);
    });

    it(`${entry}: stays within ${BUDGET_BYTES[entry].toLocaleString('en')} bytes of .js`, () => {
      const bytes = files(entry).reduce((sum, f) => sum + statSync(f).size, 0);
      expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES[entry]);
    });
  }
});
