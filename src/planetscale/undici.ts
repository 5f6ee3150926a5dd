// The parts of undici the client uses, imported by path: undici's package entry also loads
// fetch, WebSocket, EventSource, the cache and cookie APIs (about half of its code), which
// every step would otherwise bundle and load without calling. Same modules, so the classes are
// those of `import … from 'undici'` (tests' MockAgent included).
import type { Dispatcher as DispatcherType } from 'undici';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import Agent from 'undici/lib/dispatcher/agent.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import buildConnector from 'undici/lib/core/connect.js';
import api from 'undici/lib/api/index.js';

// As undici's entry does: every dispatcher gets request() and connect() (ProxyAgent opens its
// tunnels with connect()).
Object.assign(Dispatcher.prototype, api);

export { Agent, EnvHttpProxyAgent, buildConnector };

/** undici's `request` for a call that names its dispatcher: the URL split into origin and path, as its entry does. */
export function request(
  url: string,
  options: Omit<DispatcherType.RequestOptions, 'origin' | 'path'> & { dispatcher: DispatcherType },
): Promise<DispatcherType.ResponseData> {
  const { dispatcher, ...rest } = options;
  const { origin, pathname, search } = new URL(url);
  return dispatcher.request({ ...rest, origin, path: search ? `${pathname}${search}` : pathname });
}
