// A loopback HTTP proxy that holds every request for a fixed time before passing it to the fake
// API: the benchmark's stand-in for the network between a runner and PlanetScale. It sits in
// front of the fake rather than inside it, so the fake stays exactly as the tests know it; both
// the action and the curl recipe go through it, so it costs them the same.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** e.g. "http://127.0.0.1:43125", no trailing slash: use it as the API URL. */
  url: string;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, latencyMs: number): Promise<LatencyProxy> {
  // Kept-alive connections to the fake, so the proxy adds the latency and little else.
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers, agent }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
