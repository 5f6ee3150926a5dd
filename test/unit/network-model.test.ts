// The bench's network model (bench/network-model.ts) and the proxy that applies it
// (bench/latency-proxy.ts): the arithmetic exactly, the proxy by what it must never do (reorder
// or lose bytes, answer sooner than the model allows). Timings are checked as lower bounds only.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from '../../bench/latency-proxy.ts';
import type { Summary } from '../../bench/measure.ts';
import { deliveryTime, roundTrips } from '../../bench/network-model.ts';
import { checkModel, checkTargets, type AtTwoRtts } from '../../bench/report.ts';
import { FakePlanetScale } from '../fake-planetscale/index.ts';

describe('deliveryTime', () => {
  it('passes a chunk on half a round trip after it arrives', () => {
    expect(deliveryTime(1000, 0, false, 80)).toBe(1040);
  });

  it("holds a connection's first chunk one round trip more, for the TCP handshake", () => {
    expect(deliveryTime(1000, 0, true, 80)).toBe(1120);
  });

  it('never passes a chunk before the one ahead of it', () => {
    // The first chunk is due at 1120; one that arrives 1 ms later must wait for it.
    expect(deliveryTime(1001, 1120, false, 80)).toBe(1120);
    expect(deliveryTime(1200, 1120, false, 80)).toBe(1240);
  });
});

describe('roundTrips', () => {
  it('is the growth from the low RTT to the high one, per unit of RTT', () => {
    // 3 round trips plus 25 ms of work: 145 ms at 40, 265 ms at 80.
    expect(roundTrips(145, 265, 40, 80)).toBe(3);
    expect(roundTrips(200, 382, 40, 80)).toBe(4.55);
  });

  it('refuses RTTs that cannot give a count', () => {
    expect(() => roundTrips(100, 200, 80, 80)).toThrow(/two RTTs/);
    expect(() => roundTrips(100, 200, 80, 40)).toThrow(/two RTTs/);
  });
});

describe('checkModel', () => {
  it('passes one curl call measured within half a round trip of 3, and fails it otherwise', () => {
    expect(checkModel(2.72)).toEqual({ measured: 2.72, expected: 3, tolerance: 0.5, ok: true });
    expect(checkModel(3.5).ok).toBe(true);
    expect(checkModel(2.4).ok).toBe(false);
    expect(checkModel(3.6).ok).toBe(false);
  });
});

describe('checkTargets', () => {
  const summary = (median: number): Summary => ({ median, min: median, max: median, samples: [median] });
  const at = (low: number, high: number): AtTwoRtts => ({
    low: summary(low),
    high: summary(high),
    roundTrips: roundTrips(low, high, 40, 80),
  });
  const timings = (main: AtTwoRtts, post: AtTwoRtts) => ({
    main,
    post,
    recipe: at(1000, 1600),
    curlDelete: at(150, 270),
    postNothingToDo: summary(60),
    nodeE0: summary(35),
  });

  it('meets a target on the line and misses it just past, on the exact figures', () => {
    // main: 4.5 round trips, 450 / 1000 of the recipe; post: 3.5 round trips.
    const met = checkTargets(timings(at(450, 630), at(200, 340)), at(450, 630));
    expect(met.map((t) => [t.name, t.met])).toEqual([
      ['main, 2 databases + organization (round trips)', true],
      ['main, 16 databases + organization (round trips)', true],
      ['post (round trips)', true],
      ['main / curl recipe at the low RTT', true],
      ['post / single curl DELETE at the low RTT', true],
      ['main / curl recipe at the low RTT (looser bound)', true],
      ['post with nothing to do / `node -e 0`', true],
    ]);
    const missed = checkTargets(timings(at(451, 632), at(200, 341)), at(450, 631));
    expect(missed.map((t) => t.met)).toEqual([false, false, false, false, true, true, true]);
  });

  it('the ratios: met on the line, missed just past', () => {
    // post 345 / 150 = 2.3 × a DELETE; main 800 / 1000 = 0.8 × the recipe; 70 / 35 = 2 × node -e 0.
    const line = { ...timings(at(800, 1000), at(345, 500)), postNothingToDo: summary(70) };
    expect(
      checkTargets(line, at(800, 1000))
        .slice(4)
        .map((t) => t.met),
    ).toEqual([true, true, true]);
    const past = { ...timings(at(801, 1000), at(346, 500)), postNothingToDo: summary(70.1) };
    expect(
      checkTargets(past, at(801, 1000))
        .slice(4)
        .map((t) => t.met),
    ).toEqual([false, false, false]);
  });

  it("a credential job: at most one round trip above main's floor of 4, judged per job", () => {
    const base = timings(at(450, 630), at(200, 340));
    // 200 → 400 ms over 40 ms of RTT: 5 round trips; 200 → 401: 5.025.
    const targets = checkTargets(base, at(450, 630), [
      { kind: 'mysql', withToken: false, main: at(200, 400), post: at(100, 200) },
      { kind: 'postgresql', withToken: true, main: at(200, 401), post: at(100, 200) },
    ]).slice(7);
    expect(targets.map((t) => [t.name, t.limit, t.met])).toEqual([
      ['main, Vitess branch password only (round trips)', 5, true],
      ['main, Postgres role + token (round trips)', 5, false],
    ]);
  });
});

describe('startLatencyProxy', () => {
  let server: Server | undefined;
  let proxy: LatencyProxy | undefined;
  let fake: FakePlanetScale | undefined;
  afterEach(async () => {
    await proxy?.close();
    server?.close();
    await fake?.close();
    proxy = server = fake = undefined;
  });

  async function echoBehindProxy(rttMs: number): Promise<LatencyProxy> {
    server = createServer({ allowHalfOpen: true }, (socket) => socket.pipe(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return startLatencyProxy(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, rttMs);
  }

  /** Sends `text` and resolves with the first chunk back and when it came (ms since sending). */
  async function ask(socket: Socket, text: string): Promise<{ ms: number; text: string }> {
    const started = performance.now();
    socket.write(text);
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    return { ms: performance.now() - started, text: chunk.toString() };
  }

  it('costs a new connection two round trips for its first exchange, one after that', async () => {
    proxy = await echoBehindProxy(100);
    const { port } = new URL(proxy.url);
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    await once(socket, 'connect');
    const first = await ask(socket, 'hello');
    const second = await ask(socket, 'again');
    socket.destroy();
    expect(first.text).toBe('hello');
    expect(second.text).toBe('again');
    // Timers may fire a hair early against performance.now(): 1 ms of slack.
    expect(first.ms).toBeGreaterThanOrEqual(199);
    expect(second.ms).toBeGreaterThanOrEqual(99);
  });

  it('keeps every byte, in order, and passes the end of the stream on', async () => {
    proxy = await echoBehindProxy(10);
    const { port } = new URL(proxy.url);
    const socket = connect({ host: '127.0.0.1', port: Number(port), allowHalfOpen: true });
    await once(socket, 'connect');
    const sent = Array.from({ length: 200 }, (_, i) => `${i};`);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    for (const piece of sent) {
      socket.write(piece);
      if (piece.endsWith('0;')) await new Promise((resolve) => setTimeout(resolve, 1)); // spread over many chunks
    }
    socket.end();
    await once(socket, 'end');
    socket.destroy();
    expect(Buffer.concat(received).toString()).toBe(sent.join(''));
  });

  it('carries https to the fake served with the test certificate, keeping its scheme', async () => {
    const tls = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${file}`, import.meta.url)));
    fake = await FakePlanetScale.start({ tls: { key: tls('key.pem'), cert: tls('cert.pem') } });
    fake.addOrganization('acme');
    const minting = fake.addServiceToken('acme', { organization: ['read_service_tokens'] });
    proxy = await startLatencyProxy(fake.url, 20);
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(proxy.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const dispatcher = new Agent({ connect: { ca: tls('cert.pem') } });
    const answer = await request(`${proxy.url}/v1/organizations/acme/service-tokens`, {
      headers: { authorization: `${minting.id}:${minting.token}` },
      dispatcher,
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.json();
    await dispatcher.close();
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v1/organizations/acme/service-tokens 200']);
  });
});
