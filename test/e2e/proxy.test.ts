// Proxies: the built action run through a real forward proxy on loopback, started here. The proxy
// sends every connection for the unreachable address the action is given to the fake API, so a
// job can only succeed through it; with NO_PROXY naming the host, it must go direct.
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
let proxy: ForwardProxy;
/** An address nothing listens on: only the proxy knows where it leads. */
let hiddenUrl: string;

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
    const upstream = request({ host, port: Number(port), method: req.method, path: target.pathname + target.search, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const routed = route(req.url!);
    if (!routed) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const [host, port] = routed.split(':');
    const upstream = connect(Number(port), host!, () => {
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
  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  hiddenUrl = `http://127.0.0.1:${closedPort}`;
  const fakeHost = new URL(fake.url).host;
  proxy = await startProxy((hostPort) => (hostPort === new URL(hiddenUrl).host ? fakeHost : hostPort.startsWith('127.0.0.1:') ? hostPort : undefined));
});
afterAll(async () => {
  await proxy.close();
  await fake.close();
});
beforeEach(() => {
  proxy.seen.length = 0;
  fake.clearRequests();
});

const inputs = (apiUrl: string) => ({
  org: 'acme',
  'service-token-id': minting.id,
  'service-token': minting.token,
  database: 'app',
  accesses: 'read_branch',
  'api-url': apiUrl,
});

describe('proxies', () => {
  for (const variable of ['HTTP_PROXY', 'http_proxy']) {
    it(`sends every call through the proxy in ${variable}`, async () => {
      const { main, post } = await runJob({ actionDir, inputs: inputs(hiddenUrl), env: { [variable]: proxy.url } });
      expect(main.exitCode).toBe(0);
      expect(post!.exitCode).toBe(0);
      // Only the proxy knows where hiddenUrl leads: the fake saw create, grant and delete.
      expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'DELETE']);
      // Plain http goes to the proxy in absolute form (`POST http://host/…`), one line per call.
      const hidden = new URL(hiddenUrl);
      expect(proxy.seen.map((line) => line.replace(/ .*/, ''))).toEqual(['POST', 'POST', 'DELETE']);
      for (const line of proxy.seen) expect(new URL(line.slice(line.indexOf(' ') + 1)).host).toBe(hidden.host);
      expect(fake.mintedTokens()).toEqual([]);
    });
  }

  for (const variable of ['HTTPS_PROXY', 'https_proxy']) {
    it(`opens https calls through the proxy in ${variable}`, async () => {
      // The proxy refuses the tunnel (nothing may leave the machine): the call fails, but it was the proxy that was asked.
      const { main } = await runJob({ actionDir, inputs: inputs('https://api.planetscale.test'), env: { [variable]: proxy.url } });
      expect(main.exitCode).toBe(1);
      expect(main.errors[0]).toMatch(
        /^Could not reach PlanetScale at https:\/\/api\.planetscale\.test\/v1\/organizations\/acme\/service-tokens while creating .*, after 5 attempts: EPROXYREFUSED: Failed to establish tunnel to api\.planetscale\.test:443 via http:\/\/127\.0\.0\.1:\d+\/?: HTTP\/1\.1 403 Forbidden/,
      );
      // A refused tunnel never reached PlanetScale: nothing to look for.
      expect(main.maskedLog).not.toMatch(/may have reached PlanetScale/);
      expect(new Set(proxy.seen)).toEqual(new Set(['CONNECT api.planetscale.test:443']));
      expect(fake.requests).toEqual([]);
    });
  }

  it('goes direct to a host NO_PROXY names', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs(fake.url), env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    expect(main.exitCode).toBe(0);
    expect(post!.exitCode).toBe(0);
    expect(proxy.seen).toEqual([]);
    expect(fake.requests).toHaveLength(3);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('refuses a proxy variable that is not a URL, before any call, without echoing it', async () => {
    const { main, post } = await runJob({ actionDir, inputs: inputs(fake.url), env: { HTTPS_PROXY: 'user:pa55word@nowhere' } });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual(['The proxy set in HTTPS_PROXY is not a URL: give one such as "http://proxy.example:3128".']);
    expect(main.stdout + main.stderr).not.toContain('pa55word');
    expect(post!.exitCode).toBe(0);
    expect(fake.requests).toEqual([]);
  });
});
