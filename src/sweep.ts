// The optional sweep (input sweep-expired): in post, delete the organization's tokens that this
// action minted in earlier runs and that have expired, the leftovers of runners that died
// before their post step. Which names count is decided here, purely; post does the calls.

import type { PlanetScaleClient } from './planetscale/client.js';
import { listServiceTokens, type ListedServiceToken } from './planetscale/service-tokens.js';
import { listingFailure, removeToken } from './remove-token.js';
import { show } from './text.js';
import { SUFFIX_PATTERN } from './token-name.js';

/**
 * The names this action gives tokens here: `stem` then the run's parts and the random suffix
 * (the default name, `gha-<repo>-…`), or, with `exact`, `stem` then the suffix alone (a name
 * input). Kept in state by main as `<stem>` plus `*` unless exact.
 */
export interface SweepNames {
  stem: string;
  exact: boolean;
}

/**
 * A token must have expired this long ago to be swept: a runner whose clock runs ahead must not
 * delete a token another job is still using.
 */
export const SWEEP_MARGIN_MS = 5 * 60 * 1000;

export function encodeSweepNames(names: SweepNames): string {
  return names.exact ? names.stem : `${names.stem}*`;
}

export function decodeSweepNames(value: string): SweepNames | undefined {
  if (!value) return undefined;
  return value.endsWith('*') ? { stem: value.slice(0, -1), exact: false } : { stem: value, exact: true };
}

export function isSweepable(token: ListedServiceToken, names: SweepNames, nowMs: number): boolean {
  const { name, expiresAt } = token;
  if (!name || !expiresAt || !name.startsWith(names.stem)) return false;
  const rest = name.slice(names.stem.length);
  const ours = names.exact ? new RegExp(`^${SUFFIX_PATTERN}$`).test(rest) : new RegExp(`^[a-z0-9-]+-${SUFFIX_PATTERN}$`).test(rest);
  const expired = Date.parse(expiresAt);
  return ours && !Number.isNaN(expired) && expired < nowMs - SWEEP_MARGIN_MS;
}

export type SweepResult = { ok: true; removed: number; failures: string[] } | { ok: false; reason: string };

export async function sweepExpired(client: PlanetScaleClient, org: string, names: SweepNames, nowMs: number): Promise<SweepResult> {
  let expired: ListedServiceToken[];
  const what = `expired tokens named ${show(`${names.stem}${names.exact ? '' : '…'}`)}`;
  try {
    expired = (await listServiceTokens(client, org)).filter((token) => isSweepable(token, names, nowMs));
  } catch (error) {
    return { ok: false, reason: listingFailure(error, what) };
  }
  let removed = 0;
  const failures: string[] = [];
  for (const token of expired) {
    const result = await removeToken(client, org, token.id, token.name ?? token.id);
    if (result.ok) removed++;
    else failures.push(result.reason);
  }
  return { ok: true, removed, failures };
}
