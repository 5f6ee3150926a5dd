// A loopback TCP proxy in front of the fake API: the bench's stand-in for the network between a
// runner and PlanetScale (network-model.ts). It passes bytes, not requests, so TLS handshakes
// and new connections cost what they cost on a real network; it sits in front of the fake rather
// than inside it, so the fake stays exactly as the tests know it; both the action and the curl
// recipe go through it, so it costs them the same.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { deliveryTime } from './network-model.ts';

export interface LatencyProxy {
  /** e.g. "https://127.0.0.1:43125" (the target's scheme), no trailing slash: use it as the API URL. */
  url: string;
  rttMs: number;
  close(): Promise<void>;
}

/** Bytes (or the end of the stream: null) due at a time, kept in order. */
type Due = { atMs: number; chunk: Buffer | null };

/** Forwards `from` to `to` with the model's delays; `opens`: the first chunk opens the connection. */
function forward(from: Socket, to: Socket, rttMs: number, opens: boolean, timers: Set<NodeJS.Timeout>): void {
  const queue: Due[] = [];
  let previousMs = 0;
  let first = opens;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) timers.delete(timer);
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.atMs <= now) {
      const { chunk } = queue.shift()!;
      if (to.destroyed) return;
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    arm();
  };
  // One timer per direction, for the chunk at the head: separate timers could fire out of order.
  const arm = () => {
    if (timer || queue.length === 0) return;
    timer = setTimeout(flush, Math.max(0, queue[0]!.atMs - performance.now()));
    timers.add(timer);
  };
  const enqueue = (chunk: Buffer | null) => {
    previousMs = deliveryTime(performance.now(), previousMs, first, rttMs);
    first = false;
    queue.push({ atMs: previousMs, chunk });
    arm();
  };
  let ended = false;
  const end = () => {
    if (!ended) enqueue(null);
    ended = true;
  };
  from.on('data', (chunk: Buffer) => enqueue(chunk));
  // A close without an end (a client that just goes) ends the other side too, in order.
  from.on('end', end);
  from.on('close', end);
}

/** `target`: the fake's URL, e.g. "https://127.0.0.1:40001"; `rttMs`: the round-trip time. */
export async function startLatencyProxy(target: string, rttMs: number): Promise<LatencyProxy> {
  const { protocol, hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    track(client);
    track(upstream);
    // A reset on either side resets the other: nothing is left half alive.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    forward(client, upstream, rttMs, true, timers);
    forward(upstream, client, rttMs, false, timers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${protocol}//127.0.0.1:${(server.address() as AddressInfo).port}`,
    rttMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
      }),
  };
}
