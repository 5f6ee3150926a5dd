// Proxies for self-hosted runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case
// forms), as curl and pscale read them. Node's http.setGlobalProxyFromEnv() sets node:http(s)'s
// global agents (which http-fetch.ts sends through) to use them, so the bundle carries no proxy
// code of its own. It is called only when a proxy is set: the common case pays nothing for it.

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Routes the API calls through the proxy the environment names; resolves to a problem to report,
 * if any. A loopback API over http (the only http allowed) is never reached through a proxy: the
 * credential would travel to the proxy in clear.
 */
export async function useProxyFromEnv(env: NodeJS.ProcessEnv, apiUrl: string): Promise<string | undefined> {
  if (!proxyConfigured(env) || apiUrl.startsWith('http:')) return undefined;
  const { setGlobalProxyFromEnv } = await import('node:http');
  try {
    setGlobalProxyFromEnv(env);
    return undefined;
  } catch {
    // The value is not echoed: a proxy URL may carry a user name and password.
    const names = PROXY_VARIABLES.filter((name) => env[name]);
    return `The proxy set in ${names.join(' / ')} is not a URL: give one such as "http://proxy.example:3128".`;
  }
}
