// The API client's transport (src/planetscale/http-fetch.ts) against real servers on 127.0.0.1:
// what it sends, what it answers, and that it fails the way the client expects fetch to fail.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanetScaleClient } from '../../src/planetscale/client.ts';
import { PlanetScaleNetworkError } from '../../src/planetscale/errors.ts';
import { MAX_BODY_BYTES, httpFetch } from '../../src/planetscale/http-fetch.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A server that records each request and answers with `handle`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('httpFetch', () => {
  it('sends the method, headers and body, and answers status, headers and text', async () => {
    const api = await serve((_req, res) => res.writeHead(201, { 'content-type': 'application/json', 'retry-after': '3' }).end('{"id":"t1"}'));
    const answer = await httpFetch(`${api.url}/v1/x?page=2`, {
      method: 'POST',
      headers: { Authorization: 'id:secret', 'Content-Type': 'application/json' },
      body: '{"name":"ci-é"}',
    });
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(answer.headers.get('Retry-After')).toBe('3');
    expect(answer.headers.get('x-missing')).toBeNull();
    expect(await answer.text()).toBe('{"id":"t1"}');
    expect(api.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v1/x?page=2', body: '{"name":"ci-é"}' }),
    ]);
    expect(api.received[0]!.headers).toMatchObject({ authorization: 'id:secret', 'content-type': 'application/json', 'content-length': '16' });
  });

  it('answers a redirect as it is, without following it', async () => {
    const elsewhere = await serve((_req, res) => res.end('stolen'));
    const api = await serve((_req, res) => res.writeHead(307, { location: `${elsewhere.url}/steal` }).end());
    const answer = await httpFetch(`${api.url}/v1/x`, { method: 'DELETE', headers: { Authorization: 'id:secret' } });
    expect(answer.status).toBe(307);
    expect(answer.ok).toBe(false);
    expect(elsewhere.received).toEqual([]);
  });

  it('fails like fetch when nothing listens: TypeError "fetch failed" with the socket error as cause', async () => {
    // A port that was just free: listen, note it, close.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((done) => probe.close(done));
    const error = await httpFetch(`${url}/v1/x`, { method: 'GET', headers: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('rejects with the signal\'s reason when it times out', async () => {
    const api = await serve(() => {}); // never answers
    const error = await httpFetch(`${api.url}/v1/x`, { method: 'GET', headers: {}, signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('rejects text() when the connection drops mid-body', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const answer = await httpFetch(`${api.url}/v1/x`, { method: 'GET', headers: {} });
    expect(answer.status).toBe(200);
    await expect(answer.text()).rejects.toThrow();
  });

  it('stops reading an answer larger than MAX_BODY_BYTES, and rejects text()', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const api = await serve((_req, res) => {
      res.writeHead(200);
      // Keeps sending until the client hangs up.
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const answer = await httpFetch(`${api.url}/v1/x`, { method: 'GET', headers: {} });
    const error = await answer.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError).cause)).toContain(`larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
  });

  it('speaks TLS to an https URL', async () => {
    const api = await serve((_req, res) => res.end('plain'));
    const error = await httpFetch(api.url.replace('http:', 'https:'), { method: 'GET', headers: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as { cause?: unknown }).cause)).toMatch(/SSL|TLS|EPROTO|wrong version/i);
  });
});

describe('PlanetScaleClient over httpFetch', () => {
  const client = (baseUrl: string, timeoutMs?: number) =>
    new PlanetScaleClient({ baseUrl, credential: { kind: 'service-token', id: 'mintid', token: 'pscale_tkn_mint' }, timeoutMs });

  it('sends JSON and reads the answer', async () => {
    const api = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    const answer = await client(api.url).send('POST', '/v1/organizations/acme/service-tokens', { name: 'x' });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(api.received[0]).toMatchObject({ body: '{"name":"x"}', headers: { authorization: 'mintid:pscale_tkn_mint', accept: 'application/json' } });
  });

  it('refuses a redirect, and says why', async () => {
    const api = await serve((_req, res) => res.writeHead(302, { location: 'https://evil.test/' }).end());
    const error = await client(api.url).send('DELETE', '/v1/organizations/acme/service-tokens/t1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect((error as PlanetScaleNetworkError).reason).toMatch(/refused to follow a redirect \(HTTP 302\)/);
  });

  it('reports a timeout as "timed out"', async () => {
    const api = await serve(() => {});
    const error = await client(api.url, 50).send('GET', '/v1/organizations/acme/service-tokens').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanetScaleNetworkError);
    expect((error as PlanetScaleNetworkError).reason).toBe('timed out');
  });
});
