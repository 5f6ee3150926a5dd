// Proxies: the built action run through a real forward proxy on loopback, started here, over
// https as against PlanetScale. The API host the action is given (api.planetscale.test) does not
// resolve: only the proxy knows that it leads to a TLS front of the fake API, so a job can only
// succeed through it. The front's certificate (test/fixtures/tls) is trusted through
// NODE_EXTRA_CA_CERTS. With NO_PROXY naming the host, the action must go direct; a loopback API
// over plain http never goes through a proxy (the credential would reach it in clear).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob, runStep, type StepResult } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
let proxy: ForwardProxy;
/** The fake API behind TLS, on 127.0.0.1. */
let front: Server;
let frontPort: number;
const API_HOST = 'api.planetscale.test';
const tls = (file: string) => fileURLToPath(new URL(`../fixtures/tls/${file}`, import.meta.url));
/** The action trusts the test certificate, as a runner trusts a corporate CA. */
const TRUST = { NODE_EXTRA_CA_CERTS: tls('cert.pem') };

interface ForwardProxy {
  url: string;
  /** `CONNECT host:port` tunnels and absolute-form requests (`GET http://…`) seen, in order. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy (CONNECT tunnels and absolute-form requests); `route` maps a requested
 * host:port to a loopback one, or refuses it (undefined): nothing leaves the machine.
 */
async function startProxy(route: (hostPort: string) => string | undefined): Promise<ForwardProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const routed = route(target.host);
    if (!routed) return void res.writeHead(403).end();
    const [host, port] = routed.split(':');
    const upstream = request(
      { host, port: Number(port), method: req.method, path: target.pathname + target.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const routed = route(req.url!);
    if (!routed) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const [host, port] = routed.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
    databases: { app: ['read_branch'] },
  });
  // TLS in front of the fake: decrypts, and passes each request on as it came.
  front = createHttpsServer({ key: readFileSync(tls('key.pem')), cert: readFileSync(tls('cert.pem')) }, (req, res) => {
    const upstream = request(new URL(req.url!, fake.url), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontPort = (front.address() as AddressInfo).port;
  // The proxy leads api.planetscale.test:443 to the front; any other host is refused.
  proxy = await startProxy((hostPort) => (hostPort === `${API_HOST}:443` ? `127.0.0.1:${frontPort}` : undefined));
});
afterAll(async () => {
  await proxy.close();
  front.closeAllConnections();
  await new Promise<void>((resolve) => front.close(() => resolve()));
  await fake.close();
});
beforeEach(() => {
  proxy.seen.length = 0;
  fake.clearRequests();
});

const inputs = (apiUrl: string) => ({
  org: 'acme',
  'minting-token-id': minting.id,
  'minting-token': minting.token,
  database: 'app',
  accesses: 'read_branch',
  'api-url': apiUrl,
});

describe('proxies', () => {
  for (const variable of ['HTTPS_PROXY', 'https_proxy']) {
    it(`sends every call through the proxy in ${variable}, over https`, async () => {
      const { main, post } = await runJob({ actionDir, inputs: inputs(`https://${API_HOST}`), env: { [variable]: proxy.url, ...TRUST } });
      expect(main.exitCode).toBe(0);
      expect(post!.exitCode).toBe(0);
      // Only the proxy knows where api.planetscale.test leads: the fake saw create (with the read
      // of the minting token's accesses alongside), grant and delete.
      expect(fake.requests.map((r) => r.method).sort()).toEqual(['DELETE', 'GET', 'POST', 'POST']);
      expect(proxy.seen.length).toBeGreaterThanOrEqual(2); // main and post each opened a tunnel
      expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${API_HOST}:443`]));
      expect(fake.mintedTokens()).toEqual([]);
    });
  }

  it('reports a tunnel the proxy refuses, as never sent (nothing to look for by name)', async () => {
    const { main } = await runJob({
      actionDir,
      inputs: inputs('https://refused.planetscale.test'),
      env: { HTTPS_PROXY: proxy.url, ...TRUST },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(
      /^Could not reach PlanetScale at https:\/\/refused\.planetscale\.test\/v1\/organizations\/acme\/service-tokens while creating .*, after 5 attempts: EPROXYREFUSED: the proxy refused to open a tunnel \(HTTP 403\)\.$/,
    );
    expect(main.maskedLog).not.toMatch(/may have reached PlanetScale/);
    expect(new Set(proxy.seen)).toEqual(new Set(['CONNECT refused.planetscale.test:443']));
    expect(fake.requests).toEqual([]);
  });

  it('goes direct to a host NO_PROXY names', async () => {
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(`https://localhost:${frontPort}`),
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,localhost', ...TRUST },
    });
    expect(main.exitCode).toBe(0);
    expect(post!.exitCode).toBe(0);
    expect(proxy.seen).toEqual([]);
    expect(fake.requests).toHaveLength(4);
    expect(fake.mintedTokens()).toEqual([]);
  });

  for (const variable of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY']) {
    it(`never sends a loopback http API's calls to the proxy in ${variable} (the credential would reach it in clear)`, async () => {
      const { main, post } = await runJob({ actionDir, inputs: inputs(fake.url), env: { [variable]: proxy.url } });
      expect(main.exitCode).toBe(0);
      expect(post!.exitCode).toBe(0);
      expect(proxy.seen).toEqual([]);
      expect(fake.requests.map((r) => r.method).sort()).toEqual(['DELETE', 'GET', 'POST', 'POST']);
      expect(fake.mintedTokens()).toEqual([]);
    });
  }

  it("never sends a loopback http API's calls to a proxy, even when Node itself is told to use one (NODE_USE_ENV_PROXY)", async () => {
    const env = { NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url };
    const { main, post } = await runJob({ actionDir, inputs: inputs(fake.url), env });
    expect(main.exitCode).toBe(0);
    expect(post!.exitCode).toBe(0);
    expect(proxy.seen).toEqual([]);
    // Create (with the read of the minting token's accesses alongside), grant and delete.
    expect(fake.requests.map((r) => r.method).sort()).toEqual(['DELETE', 'GET', 'POST', 'POST']);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it("verifies the API's certificate inside the tunnel, even with NODE_TLS_REJECT_UNAUTHORIZED=0", async () => {
    // Without TRUST, the test certificate is not trusted: nothing may reach the fake.
    const env = { HTTPS_PROXY: proxy.url, NODE_TLS_REJECT_UNAUTHORIZED: '0' };
    const { main } = await runJob({ actionDir, inputs: inputs(`https://${API_HOST}`), env });
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/^Could not reach PlanetScale at https:\/\/api\.planetscale\.test\/.*self[- ]signed certificate/i);
    expect(proxy.seen[0]).toBe(`CONNECT ${API_HOST}:443`);
    expect(fake.requests).toEqual([]);
  });

  it('refuses a proxy URL with a path or a query, before any call, without echoing it', async () => {
    const { main } = await runJob({
      actionDir,
      inputs: inputs(`https://${API_HOST}`),
      env: { HTTPS_PROXY: `${proxy.url.replace('http://', 'http://ci:pa55word@')}/corp?route=1`, ...TRUST },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      'The proxy set in HTTPS_PROXY has a path, query or fragment, which a proxy URL cannot have: give one such as "http://proxy.example:3128".',
    ]);
    expect(main.stdout + main.stderr).not.toMatch(/pa55word|corp\?route/);
    expect(proxy.seen).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('refuses a proxy variable that is not a URL, before any call, without echoing it', async () => {
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(`https://${API_HOST}`),
      env: { HTTPS_PROXY: 'user:pa55word@nowhere', ...TRUST },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual(['The proxy set in HTTPS_PROXY is not a URL: give one such as "http://proxy.example:3128".']);
    expect(main.stdout + main.stderr).not.toContain('pa55word');
    expect(post!.exitCode).toBe(0);
    expect(fake.requests).toEqual([]);
  });
});

describe('post uses the proxy settings main ran with', () => {
  // A later step may write HTTPS_PROXY to GITHUB_ENV (a careless one, to reach a corporate proxy);
  // post must not send the minting token there.
  let hostile: ForwardProxy;
  beforeEach(async () => {
    hostile = await startProxy(() => undefined);
  });
  afterEach(() => hostile.close());

  it('a proxy a later step adds is not used by post, which warns', async () => {
    const direct = inputs(`https://localhost:${frontPort}`);
    const main = await runStep({ actionDir, step: 'main', inputs: direct, env: TRUST });
    expect(main.exitCode).toBe(0);
    expect(main.state['proxy']).toBe('');
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: direct,
      env: { ...TRUST, ...main.env, HTTPS_PROXY: hostile.url },
      state: main.state,
      masks: main.masks,
    });
    expect(post.exitCode).toBe(0);
    expect(hostile.seen).toEqual([]);
    expect(post.warnings).toEqual([
      expect.stringMatching(/^HTTPS_PROXY changed after the main step .*uses the proxy settings the main step used/),
    ]);
    expect(post.warnings[0]).not.toContain(hostile.url);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it("the proxy main used stays post's when a later step replaces it", async () => {
    const viaProxy = inputs(`https://${API_HOST}`);
    const main = await runStep({ actionDir, step: 'main', inputs: viaProxy, env: { ...TRUST, HTTPS_PROXY: proxy.url } });
    expect(main.exitCode).toBe(0);
    const seenByMain = proxy.seen.length;
    const post = await runStep({
      actionDir,
      step: 'post',
      inputs: viaProxy,
      env: { ...TRUST, ...main.env, HTTPS_PROXY: hostile.url },
      state: main.state,
      masks: main.masks,
    });
    expect(post.exitCode).toBe(0);
    expect(hostile.seen).toEqual([]);
    expect(proxy.seen.length).toBeGreaterThan(seenByMain);
    expect(post.warnings).toEqual([expect.stringMatching(/^HTTPS_PROXY changed after the main step/)]);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a proxy URL with a password is masked before main saves it: the runner prints state with debug on', async () => {
    const withPassword = proxy.url.replace('http://', 'http://ci:pa55word@');
    const { main, post } = await runJob({
      actionDir,
      inputs: inputs(`https://${API_HOST}`),
      env: { ...TRUST, HTTPS_PROXY: withPassword },
      debug: true,
    });
    expect(main.exitCode).toBe(0);
    expect(post!.exitCode).toBe(0);
    expect(main.state['proxy']).toContain('pa55word');
    expect(main.maskedLog).toContain('##[debug]Save intra-action state proxy = ***');
    expect(main.maskedLog + post!.maskedLog).not.toContain('pa55word');
    expect(post!.warnings).toEqual([]);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

/**
 * A proxy that takes each connection and closes it once the CONNECT arrives, as proxies that
 * refuse a host without an answer do; or, while `passing`, hands the bytes to the good proxy.
 */
async function startDroppingProxy(): Promise<ForwardProxy & { connections: number; passing: boolean; firstConnection: Promise<void> }> {
  const sockets = new Set<Socket>();
  let arrived: () => void = () => {};
  const firstConnection = new Promise<void>((resolve) => (arrived = resolve));
  const dropper = {
    url: '',
    seen: [] as string[],
    connections: 0,
    passing: false,
    firstConnection,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createNetServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (dropper.passing) {
      const { port } = new URL(proxy.url);
      const upstream = connect(Number(port), '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
      return;
    }
    dropper.connections++;
    arrived();
    client.once('data', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dropper.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return dropper;
}

describe('a proxy that drops its tunnels', () => {
  let dropper: Awaited<ReturnType<typeof startDroppingProxy>>;
  beforeEach(async () => {
    dropper = await startDroppingProxy();
  });
  afterEach(() => dropper.close());
  // A client that reconnects without end would open thousands of connections a second.
  const FEW_CONNECTIONS = 20;

  it('main ends on its own, with a clear error, after a few connections', async () => {
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs: inputs(`https://${API_HOST}`),
      env: { HTTPS_PROXY: dropper.url, ...TRUST },
      timeoutMs: 90_000,
    });
    expect(main.timedOut).toBe(false);
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/after \d+ attempts: EPROXYREFUSED: the proxy closed the connection instead of opening a tunnel\.$/);
    expect(main.maskedLog).not.toMatch(/may have reached PlanetScale/);
    expect(dropper.connections).toBeGreaterThan(0);
    expect(dropper.connections).toBeLessThan(FEW_CONNECTIONS);
    expect(fake.requests).toEqual([]);
  });

  it('main cancelled behind it (SIGTERM) exits before the kill', async () => {
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs: inputs(`https://${API_HOST}`),
      env: { HTTPS_PROXY: dropper.url, ...TRUST },
      signalAfterMs: { signal: 'SIGTERM', afterMs: 0, after: dropper.firstConnection },
      timeoutMs: 90_000,
    });
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGTERM']); // no kill was needed
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toMatch(/^The job was cancelled \(SIGTERM\)/);
    expect(dropper.connections).toBeLessThan(FEW_CONNECTIONS);
  });

  const postOptions = (main: StepResult) => ({
    actionDir,
    step: 'post' as const,
    inputs: inputs(`https://${API_HOST}`),
    env: { HTTPS_PROXY: dropper.url, ...TRUST, ...main.env },
    state: main.state,
    masks: main.masks,
  });

  it('post, with a token to delete, ends on its own and says the token was not deleted', async () => {
    dropper.passing = true; // main gets through, then the proxy turns
    const main = await runStep({
      actionDir,
      step: 'main',
      inputs: inputs(`https://${API_HOST}`),
      env: { HTTPS_PROXY: dropper.url, ...TRUST },
    });
    expect(main.exitCode).toBe(0);
    dropper.passing = false;
    const post = await runStep({ ...postOptions(main), timeoutMs: 120_000 });
    expect(post.timedOut).toBe(false);
    expect(post.exitCode).toBe(1);
    expect(post.errors[0]).toMatch(/EPROXYREFUSED: the proxy closed the connection instead of opening a tunnel/);
    expect(post.errors[0]).toMatch(/stays valid until/);
    expect(dropper.connections).toBeLessThan(FEW_CONNECTIONS * 2);
    expect(fake.mintedTokens().map((t) => t.name)).toEqual([main.outputs['name']]);
    // Through a proxy that works again, the same post deletes it.
    dropper.passing = true;
    const again = await runStep({ ...postOptions(main), env: { HTTPS_PROXY: dropper.url, ...TRUST, ...main.env } });
    expect(again.exitCode).toBe(0);
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('the certificates post trusts', () => {
  it("are main's: a CA a later step names is not trusted, and says so", async () => {
    // Main trusts the test CA from a file of its own; post's env names the same CA at another
    // path, as a later step might, after main's file is gone: post must not take it.
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    const mainCa = join(dir, 'main-ca.pem');
    copyFileSync(tls('cert.pem'), mainCa);
    const direct = inputs(`https://localhost:${frontPort}`);
    const main = await runStep({ actionDir, step: 'main', inputs: direct, env: { NODE_EXTRA_CA_CERTS: mainCa } });
    expect(main.exitCode).toBe(0);
    expect(main.state['extra-ca-certs']).toBe(mainCa);
    rmSync(mainCa);
    fake.clearRequests();
    const postWith = (ca: string) =>
      runStep({
        actionDir,
        step: 'post',
        inputs: direct,
        env: { ...main.env, NODE_EXTRA_CA_CERTS: ca },
        state: main.state,
        masks: main.masks,
      });
    const refused = await postWith(tls('cert.pem'));
    expect(refused.exitCode).toBe(1);
    expect(refused.warnings).toEqual([
      expect.stringMatching(/^NODE_EXTRA_CA_CERTS changed after the main step .*trusts only the certificates the main step trusted\.$/),
      expect.stringMatching(/can no longer be read: the post step trusts only the public roots\.$/),
    ]);
    expect(fake.requests).toEqual([]); // the TLS handshake failed: nothing was sent
    // With main's file back, post trusts it again, warns, and deletes the token.
    copyFileSync(tls('cert.pem'), mainCa);
    const again = await postWith(tls('cert.pem'));
    expect(again.exitCode).toBe(0);
    expect(again.warnings).toEqual([expect.stringMatching(/^NODE_EXTRA_CA_CERTS changed after the main step/)]);
    expect(fake.mintedTokens()).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
