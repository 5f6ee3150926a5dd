// The proxy settings main ran with, recorded in state for post. Every later step of the job can
// write HTTPS_PROXY or NO_PROXY to GITHUB_ENV before post runs; post would then send the minting
// credential wherever that step chose. So post uses what main used, and warns when env differs.

import { NO_PROXY_VARIABLES, PROXY_VARIABLES as PROXIES } from '../planetscale/dispatcher.js';

/** What decides where the API calls go: the variables the dispatcher reads. */
const PROXY_VARIABLES = [...PROXIES, ...NO_PROXY_VARIABLES] as const;

export type ProxySettings = Partial<Record<(typeof PROXY_VARIABLES)[number], string>>;

/** The proxy variables `env` sets (empty ones are unset). */
export function proxySettingsOf(env: NodeJS.ProcessEnv): ProxySettings {
  const settings: ProxySettings = {};
  for (const name of PROXY_VARIABLES) if (env[name]) settings[name] = env[name];
  return settings;
}

/**
 * The settings as main saves them, or undefined when there are none (the usual case: no state
 * key, nothing to log). `secret` when a value may carry a user name and password (`user:pw@`):
 * the runner prints saved state with debug on, so the caller masks the value first.
 */
export function recordProxySettings(env: NodeJS.ProcessEnv): { value: string; secret: boolean } | undefined {
  const settings = proxySettingsOf(env);
  if (Object.keys(settings).length === 0) return undefined;
  return { value: JSON.stringify(settings), secret: Object.values(settings).some((v) => v.includes('@')) };
}

/** The settings main recorded; none when it recorded nothing. */
export function readProxySettings(recorded: string): ProxySettings {
  if (!recorded) return {};
  try {
    const parsed: unknown = JSON.parse(recorded);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return proxySettingsOf(parsed as Record<string, string>);
  } catch {
    return {};
  }
}

/** The variables whose value differs between `recorded` and `now`; names only (a value may hold a password). */
export function changedProxyVariables(recorded: ProxySettings, now: ProxySettings): string[] {
  return PROXY_VARIABLES.filter((name) => (recorded[name] ?? '') !== (now[name] ?? ''));
}
