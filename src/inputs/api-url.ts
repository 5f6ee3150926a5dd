// The api-url input: where the minting token is sent. Apart from config.ts so that post,
// which checks main's record against it, loads this rule alone.
import { fail, type Parsed } from './parsed.js';
import { show } from '../report/text.js';

export const DEFAULT_API_URL = 'https://api.planetscale.com';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** The API base, without a trailing slash. https only, except http to a loopback host (tests, local proxies). */
export function parseApiUrl(value: string): Parsed<string> {
  const hint = `give an https URL such as "${DEFAULT_API_URL}"`;
  let url: URL;
  try {
    url = new URL(value || DEFAULT_API_URL);
  } catch {
    return fail('api-url', `is not a URL: ${hint}.`);
  }
  // Checked first, and the value not echoed: a user:password in the URL is a credential.
  if (url.username || url.password) {
    return fail('api-url', `carries a user name or password, which must not be there: ${hint}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return fail(
      'api-url',
      `${show(value)} is not https: the minting token is only ever sent over https (http only to a loopback host); ${hint}.`,
    );
  }
  if (url.search || url.hash) return fail('api-url', `${show(value)} has a query or a fragment: ${hint}.`);
  return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
