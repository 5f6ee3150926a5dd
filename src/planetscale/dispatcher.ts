// The connections a step's API calls go over: one undici keep-alive Agent per step, with
// connect, headers and body timeouts, a cap on the answer's size, TLS always verified, no
// redirects followed, and the proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// and their lower-case forms, as curl and pscale read them).
//
// The step destroys it when it ends (`await using`), so no socket keeps the process alive.
//
// Main opens the connections its grant calls will need while the create call is in flight
// (preconnect): a new https connection costs a TCP and a TLS round trip before the request's own,
// so the grants, sent at once after the create, would otherwise wait 3 round trips instead of 1.

import type { Socket } from 'node:net';
import type { Dispatcher, ProxyAgent } from 'undici';
import { Agent, EnvHttpProxyAgent, buildConnector } from './undici.js';

/** The largest answer read: no PlanetScale call needs more (a page of 100 tokens is well under 1 MiB); a broken or hostile server must not fill the runner's memory. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Each of: opening a connection, waiting for an answer's headers, a pause within its body. */
export const SOCKET_TIMEOUT_MS = 10_000;

/** The variables that name a proxy, as curl, pscale and undici read them. */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;
/** The variables that exempt hosts from the proxy. */
export const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'] as const;

/** Lower case first, as undici and curl read them. */
const proxyIn = (env: NodeJS.ProcessEnv, name: string): string | undefined =>
  (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;

/**
 * What is wrong with the proxy variables, if anything, for calls to `apiUrl`. The value is never
 * echoed: a proxy URL may carry a user name and password.
 */
export function proxyProblem(env: NodeJS.ProcessEnv, apiUrl: string): string | undefined {
  if (apiUrl.startsWith('http:')) return undefined; // never proxied (stepDispatcher)
  const problems = ['https_proxy', 'http_proxy']
    .map((name) => proxyIn(env, name))
    .map((value) => (value === undefined ? undefined : proxyUrlProblem(value)));
  const problem = problems.find((p) => p !== undefined);
  if (!problem) return undefined;
  const names = PROXY_VARIABLES.filter((name) => env[name]);
  return `The proxy set in ${names.join(' / ')} ${problem}: give one such as "http://proxy.example:3128".`;
}

/** What keeps `value` from being a proxy's URL, if anything; never echoes it. */
function proxyUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return 'is not a URL';
  // undici takes only scheme, host, port and credentials; anything more fails each call late.
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return 'has a path, query or fragment, which a proxy URL cannot have';
  return undefined;
}

/** A Dispatcher the step destroys when it ends: `await using dispatcher = stepDispatcher(…)`. */
export type StepDispatcher = Dispatcher &
  AsyncDisposable & {
    /**
     * Starts opening `count` connections to `origin` for calls about to be made; each call that
     * needs a new connection takes one (or opens its own if none is left or one failed). Sends no
     * request. Does nothing through a proxy, whose tunnels undici opens per request.
     */
    preconnect(origin: string, count: number): void;
  };

/**
 * The step's dispatcher; check proxyProblem(env) first. A loopback API over http (the only http
 * inputs/config.ts allows) never goes through a proxy: the credential would travel to it in clear. This
 * is decided here, whatever Node's own proxy settings (NODE_USE_ENV_PROXY) say, since every call
 * is given this dispatcher.
 */
export function stepDispatcher(env: NodeJS.ProcessEnv, apiUrl: string, ca?: readonly string[]): StepDispatcher {
  // rejectUnauthorized is set, not left to the default, so that NODE_TLS_REJECT_UNAUTHORIZED=0 in
  // a job's env cannot turn verification off. NODE_EXTRA_CA_CERTS (a corporate CA) still applies,
  // unless `ca` names the certificates to trust instead.
  const tls = { rejectUnauthorized: true, timeout: SOCKET_TIMEOUT_MS, ...(ca ? { ca: [...ca] } : {}) };
  const options = {
    connect: tls,
    headersTimeout: SOCKET_TIMEOUT_MS,
    bodyTimeout: SOCKET_TIMEOUT_MS,
    maxResponseSize: MAX_BODY_BYTES,
    // No redirect is followed: a 3xx is an answer (client.ts refuses it), so the credential is never sent elsewhere.
    maxRedirections: 0,
  };
  // The API is https (or loopback http, never proxied): HTTPS_PROXY is the one that applies, as
  // for curl, pscale and Node. Every value is passed, so that undici never reads process.env.
  const httpsProxy = apiUrl.startsWith('https:') ? proxyIn(env, 'https_proxy') : undefined;
  if (httpsProxy === undefined) return preconnecting(options, buildConnector(tls));
  // EnvHttpProxyAgent hands these to its ProxyAgent (its type does not list them): TLS to the
  // API inside the tunnel (requestTls), and to an https proxy (proxyTls).
  const proxied: EnvHttpProxyAgent.Options & Pick<ProxyAgent.Options, 'requestTls' | 'proxyTls'> = {
    ...options,
    httpProxy: '',
    httpsProxy,
    noProxy: proxyIn(env, 'no_proxy') ?? '',
    requestTls: tls,
    proxyTls: tls,
  };
  return disposable(new EnvHttpProxyAgent(proxied), { preconnect: () => {} });
}

/** An Agent whose new connections come first from those opened ahead (preconnect). */
function preconnecting(options: Agent.Options, connector: buildConnector.connector): StepDispatcher {
  const ready: { key: string; socket: Promise<Socket> }[] = [];
  const keyOf = (o: { protocol: string; hostname: string; port: string }) =>
    `${o.protocol}//${o.hostname}:${o.port || (o.protocol === 'https:' ? '443' : '80')}`;
  const open = (o: buildConnector.Options) =>
    new Promise<Socket>((resolve, reject) => connector(o, (error, socket) => (error ? reject(error) : resolve(socket))));
  const agent = new Agent({
    ...options,
    connect: (o, callback) => {
      const index = ready.findIndex((r) => r.key === keyOf(o));
      if (index < 0) return connector(o, callback);
      const { socket } = ready.splice(index, 1)[0]!;
      // One that failed or closed meanwhile is replaced by a connection of the call's own.
      socket.then(
        (s) => (s.destroyed ? connector(o, callback) : callback(null, s)),
        () => connector(o, callback),
      );
    },
  });
  return disposable(agent, {
    preconnect: (origin, count) => {
      const url = new URL(origin);
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      const o = {
        protocol: url.protocol,
        hostname: url.hostname,
        host: url.host,
        port,
        servername: url.protocol === 'https:' ? url.hostname : undefined,
      };
      for (let i = 0; i < count; i++) {
        const socket = open(o);
        socket.catch(() => {}); // a failure is the call's to meet, when it opens its own
        ready.push({ key: keyOf(o), socket });
      }
    },
    // Those never taken are closed with the step.
    onDestroy: () =>
      ready.splice(0).forEach(
        (r) =>
          void r.socket.then(
            (s) => s.destroy(),
            () => {},
          ),
      ),
  });
}

function disposable(dispatcher: Dispatcher, extra: { preconnect: StepDispatcher['preconnect']; onDestroy?: () => void }): StepDispatcher {
  return Object.assign(dispatcher, {
    preconnect: extra.preconnect,
    [Symbol.asyncDispose]: () => {
      extra.onDestroy?.();
      return dispatcher.destroy();
    },
  });
}
