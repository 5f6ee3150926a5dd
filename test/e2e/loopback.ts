// A small HTTP server on 127.0.0.1 for tests that need an API misbehaving in a way the fake
// PlanetScale API does not model (echoing credentials, 500 to everything, redirects, held calls).
// It records every request as it arrived on the wire, and can pass calls through to an upstream
// (the fake), so one test can alter a single endpoint and leave the rest real.

import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  /** The request target exactly as sent (path and query, still percent-encoded). */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * What to do with one request: an answer, 'hold' (never answer; the connection is cut on close),
 * or forward() (pass it to the upstream and use, or alter, its answer).
 */
export type Handler = (req: SeenRequest, forward: () => Promise<Answer>) => Answer | 'hold' | Promise<Answer | 'hold'>;

export interface Loopback {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function loopback(handler: Handler, upstream?: string): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on(
      'end',
      () =>
        void (async () => {
          const seen: SeenRequest = {
            method: req.method ?? '',
            target: req.url ?? '',
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
          requests.push(seen);
          const forward = () => {
            if (!upstream) throw new Error('loopback: no upstream to forward to');
            return passThrough(upstream, seen);
          };
          const answer = await handler(seen, forward);
          if (answer === 'hold') return;
          const body = answer.body ?? '';
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) }).end(body);
        })(),
    );
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

function passThrough(upstream: string, seen: SeenRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { host: _host, 'content-length': _length, ...headers } = seen.headers;
    const out = request(new URL(seen.target, upstream), { method: seen.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const type = answer.headers['content-type'];
        resolve({
          status: answer.statusCode ?? 502,
          headers: type ? { 'content-type': type } : {},
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    out.on('error', reject);
    out.end(seen.body);
  });
}

export const json = (status: number, value: unknown): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

/** Loopback servers a test file starts, closed together after each test. */
export class LoopbackPool {
  readonly #open: Loopback[] = [];

  async start(...args: Parameters<typeof loopback>): Promise<Loopback> {
    const server = await loopback(...args);
    this.#open.push(server);
    return server;
  }

  async closeAll(): Promise<void> {
    for (const server of this.#open.splice(0)) await server.close();
  }
}
