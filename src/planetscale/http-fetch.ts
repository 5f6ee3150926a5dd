// The part of fetch the API client uses (method, headers, a string body, an AbortSignal, no
// redirects followed), over node:http and node:https.
//
// Why not the global fetch: it is undici, whose HTTP parser is WebAssembly. Its first request
// costs ~20 ms more, and V8 then compiles the parser's hot functions with TurboFan on a
// background thread that the process must wait for before it can exit (~50 ms seen with strace
// and perf). On a 2-core machine that made every main and post step markedly slower (npm run
// bench; README, "Performance"). node:http uses Node's native parser and exits at once.

export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  /** The body as text; rejects if the connection fails while it is read. */
  text(): Promise<string>;
}

export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * Sends one request and resolves once the status and headers are in; a redirect is returned
 * like any other answer, never followed. Rejects as fetch does: with the signal's reason when it
 * aborted (a TimeoutError for AbortSignal.timeout), else with TypeError("fetch failed") and the
 * socket's error as `cause`.
 */
/** The largest answer body read. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function httpFetch(url: string, init: HttpRequestInit): Promise<HttpAnswer> {
  const target = new URL(url);
  // Loaded on first use: https (and TLS) only when the URL asks for it.
  const { request } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise<HttpAnswer>((resolve, reject) => {
    const failure = (cause: unknown) => (init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed', { cause }));
    const req = request(target, { method: init.method, headers: init.headers, signal: init.signal }, (res) => {
      const body = new Promise<string>((done, fail) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(chunk);
          // An answer no PlanetScale call needs (a page of 100 tokens is well under 1 MiB): a
          // broken or hostile server must not fill the runner's memory.
          if (size > MAX_BODY_BYTES) res.destroy(new Error(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
        });
        res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        res.on('error', (error) => fail(failure(error)));
      });
      body.catch(() => {}); // read or not, a failed body must not become an unhandled rejection
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
