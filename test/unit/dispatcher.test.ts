// The API client over the step's real dispatcher (src/planetscale/dispatcher.ts), against real
// servers on 127.0.0.1: what it sends, what it answers, and how it fails (redirects, refused
// connections, timeouts, cut-off and oversized answers, TLS), plus the proxy rules.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { MAX_BODY_BYTES, proxyProblem, stepDispatcher, type StepDispatcher } from '../../src/planetscale/dispatcher.ts';
import { PlanetScaleNetworkError } from '../../src/planetscale/errors.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/planetscale/retry.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
const dispatchers: StepDispatcher[] = [];
afterEach(async () => {
  for (const dispatcher of dispatchers.splice(0)) await dispatcher[Symbol.asyncDispose]();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A server that records each request and answers with `handle`. */
async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  make: typeof createServer = createServer,
): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = make((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const scheme = make === createServer ? 'http' : 'https';
  return { url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** A client over a fresh step dispatcher, one attempt per call: these tests are about one answer. */
function client(baseUrl: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): PlanetScaleClient {
  const dispatcher = stepDispatcher(options.env ?? {}, baseUrl);
  dispatchers.push(dispatcher);
  return new PlanetScaleClient({
    baseUrl,
    dispatcher,
    credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' },
    timeoutMs: options.timeoutMs,
    retry: { ...DEFAULT_RETRY_POLICY, attempts: 1 },
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e as PlanetScaleNetworkError,
  );

describe('the client over the step dispatcher', () => {
  it('sends the method, headers and JSON body, and reads the answer', async () => {
    const api = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    const answer = await client(api.url).send('POST', '/v1/organizations/acme/service-tokens', { name: 'ci-é' });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(typeof answer.date).toBe('number'); // Node's server sends a Date
    expect(api.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v1/organizations/acme/service-tokens', body: '{"name":"ci-é"}' }),
    ]);
    expect(api.received[0]!.headers).toMatchObject({
      authorization: 'mintid:pscale_tkn_mint',
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': '16',
    });
  });

  it('keeps the connection alive between calls of a step', async () => {
    const ports = new Set<number>();
    const api = await serve((req, res) => {
      ports.add(req.socket.remotePort!);
      res.end('{}');
    });
    const c = client(api.url);
    for (let i = 0; i < 3; i++) await c.send('GET', '/v1/x');
    expect(api.received).toHaveLength(3);
    // Without keep-alive each call would open its own connection.
    expect(ports.size).toBeLessThan(3);
  });

  it('refuses a redirect without following it, and says why', async () => {
    const elsewhere = await serve((_req, res) => res.end('stolen'));
    const api = await serve((_req, res) => res.writeHead(307, { location: `${elsewhere.url}/steal` }).end());
    const error = await failure(client(api.url).send('DELETE', '/v1/organizations/acme/service-tokens/t1'));
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect(error.reason).toMatch(/refused to follow a redirect \(HTTP 307\)/);
    expect(elsewhere.received).toEqual([]);
  });

  it('reports a refused connection with its code, as never sent', async () => {
    // A port that was just free: listen, note it, close.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((done) => probe.close(done));
    const error = await failure(client(url).send('GET', '/v1/x'));
    expect(error).toMatchObject({
      code: 'ECONNREFUSED',
      reason: expect.stringMatching(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/) as unknown,
    });
  });

  it('reports a request that gets no answer as "timed out"', async () => {
    const api = await serve(() => {}); // never answers
    const error = await failure(client(api.url, { timeoutMs: 50 }).send('GET', '/v1/x'));
    expect(error).toMatchObject({ reason: 'timed out', retryable: true });
  });

  it('reports an answer cut off mid-body', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await failure(client(api.url).send('GET', '/v1/x'));
    expect(error.reason).toMatch(/^the answer \(HTTP 200\) was cut off: /);
    expect(error.retryable).toBe(true);
  });

  it('stops reading an answer larger than MAX_BODY_BYTES, and does not retry it', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let written = 0;
    const api = await serve((_req, res) => {
      res.writeHead(200);
      // Keeps sending until the client hangs up.
      const pump = () => {
        while (!res.destroyed && written < 64 * chunk.length && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 64 * chunk.length) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const error = await failure(client(api.url).send('GET', '/v1/x'));
    expect(error.reason).toContain(`larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    expect(error.retryable).toBe(false);
    expect(written).toBeLessThan(32 * chunk.length);
  });

  it('speaks TLS to an https URL', async () => {
    const api = await serve((_req, res) => res.end('plain'));
    const error = await failure(client(api.url.replace('http:', 'https:')).send('GET', '/v1/x'));
    expect(error.reason).toMatch(/SSL|TLS|EPROTO|wrong version/i);
  });

  it('verifies TLS even when NODE_TLS_REJECT_UNAUTHORIZED=0 is set', async () => {
    const tls = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${file}`, import.meta.url)));
    const api = await serve((_req, res) => res.end('{}'), ((handler: (req: IncomingMessage, res: ServerResponse) => void) =>
      createHttpsServer({ key: tls('key.pem'), cert: tls('cert.pem') }, handler)) as unknown as typeof createServer);
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      // The setting does take effect on a dispatcher that leaves verification to the default…
      const lax = new Agent();
      const answer = await request(`${api.url}/v1/x`, { dispatcher: lax });
      expect(answer.statusCode).toBe(200);
      await answer.body.text();
      await lax.destroy();
      // …but not on the step's: the certificate is not trusted here (no NODE_EXTRA_CA_CERTS).
      const error = await failure(client(api.url).send('GET', '/v1/x'));
      expect(error.reason).toMatch(/self[- ]signed certificate/i);
      expect(api.received).toHaveLength(1);
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before;
    }
  });
});

describe('preconnect', () => {
  /** A server that counts the connections it accepts and says which one each request came on. */
  async function counting(onConnection: (socket: Socket, n: number) => void = () => {}) {
    const connections: Socket[] = [];
    const api = await serve((req, res) => res.writeHead(200).end(String(req.socket.remotePort)));
    const server = servers[servers.length - 1]!;
    server.on('connection', (socket) => {
      connections.push(socket);
      onConnection(socket, connections.length);
    });
    return { ...api, connections };
  }
  // Polls with a limit far past what the condition needs, even on a busy machine.
  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!condition() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
    expect(condition()).toBe(true);
  };
  const dispatcherFor = (url: string) => {
    const dispatcher = stepDispatcher({}, url);
    dispatchers.push(dispatcher);
    return dispatcher;
  };
  const call = (dispatcher: StepDispatcher, url: string) =>
    new PlanetScaleClient({
      baseUrl: url,
      dispatcher,
      credential: { kind: 'service-token', id: 'i', token: 't' },
      retry: { ...DEFAULT_RETRY_POLICY, attempts: 1 },
    }).send<number>('GET', '/v1/x');

  it('opens the connections ahead, sends nothing on them, and the calls that follow use them', async () => {
    const api = await counting();
    const dispatcher = dispatcherFor(api.url);
    dispatcher.preconnect(api.url, 3);
    await until(() => api.connections.length === 3);
    expect(api.received).toEqual([]);
    const answers = await Promise.all([call(dispatcher, api.url), call(dispatcher, api.url), call(dispatcher, api.url)]);
    expect(api.connections).toHaveLength(3);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(api.connections.map((c) => c.remotePort)));
  });

  it('calls one after another share one connection: none waits for a new one', async () => {
    const api = await counting();
    const dispatcher = dispatcherFor(api.url);
    for (let i = 0; i < 4; i++) await call(dispatcher, api.url);
    expect(api.received).toHaveLength(4);
    expect(api.connections).toHaveLength(1);
  });

  it('a connection opened ahead that closed meanwhile is replaced by one of the call’s own', async () => {
    const api = await counting((socket, n) => {
      if (n <= 2) socket.destroy();
    });
    // The client's own ends of the connections, to wait until it has seen them closed.
    const clientSockets: Socket[] = [];
    const opened = (message: unknown) => clientSockets.push((message as { socket: Socket }).socket);
    subscribe('net.client.socket', opened);
    onTestFinished(() => {
      unsubscribe('net.client.socket', opened);
    });
    const dispatcher = dispatcherFor(api.url);
    dispatcher.preconnect(api.url, 2);
    await until(() => api.connections.length === 2 && api.connections.every((c) => c.destroyed));
    await until(() => clientSockets.length === 2 && clientSockets.every((c) => c.destroyed));
    const answers = await Promise.all([call(dispatcher, api.url), call(dispatcher, api.url)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(api.received).toHaveLength(2);
  });

  it('closes the connections never used when the step ends', async () => {
    const api = await counting();
    const dispatcher = stepDispatcher({}, api.url);
    dispatcher.preconnect(api.url, 2);
    await until(() => api.connections.length === 2);
    await dispatcher[Symbol.asyncDispose]();
    await until(() => api.connections.every((c) => c.closed));
  });

  it('does nothing through a proxy', async () => {
    const api = await counting();
    const dispatcher = stepDispatcher({ HTTPS_PROXY: 'http://127.0.0.1:9' }, api.url.replace('http:', 'https:'));
    dispatchers.push(dispatcher);
    dispatcher.preconnect(api.url, 2);
    await new Promise((done) => setTimeout(done, 100));
    expect(api.connections).toHaveLength(0);
  });
});

describe('proxies', () => {
  it('never sends a loopback http API through a proxy, whatever the variables say', async () => {
    const proxy = await serve((_req, res) => res.writeHead(502).end());
    const api = await serve((_req, res) => res.end('{"direct":true}'));
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, https_proxy: proxy.url, http_proxy: proxy.url };
    expect(proxyProblem(env, api.url)).toBeUndefined();
    expect((await client(api.url, { env }).send('GET', '/v1/x')).body).toEqual({ direct: true });
    expect(proxy.received).toEqual([]);
  });

  it('refuses a proxy variable that is not an http(s) URL, naming it and never echoing it', () => {
    const api = 'https://api.planetscale.com';
    expect(proxyProblem({}, api)).toBeUndefined();
    expect(proxyProblem({ HTTPS_PROXY: 'http://proxy.example:3128', NO_PROXY: '*' }, api)).toBeUndefined();
    for (const value of ['user:pa55word@nowhere', 'nowhere:3128', 'socks5://proxy:1080', 'https://:3128']) {
      const problem = proxyProblem({ HTTPS_PROXY: value }, api);
      expect(problem).toBe('The proxy set in HTTPS_PROXY is not a URL: give one such as "http://proxy.example:3128".');
      expect(problem).not.toContain(value);
    }
    expect(proxyProblem({ http_proxy: 'nowhere', HTTPS_PROXY: 'http://ok:1' }, api)).toMatch(
      /^The proxy set in HTTPS_PROXY \/ http_proxy is not a URL/,
    );
    // A loopback http API is never proxied, so its proxy variables are not its concern.
    expect(proxyProblem({ HTTPS_PROXY: 'nowhere' }, 'http://127.0.0.1:8080')).toBeUndefined();
  });
});
