// Which expired tokens the optional sweep (input sweep-expired) may delete: those this action
// minted in earlier runs, by their names. Pure; token/sweep.ts makes the calls.

import { SUFFIX_PATTERN } from './name.js';

/** What isSweepable reads of a listed token. */
export interface NamedToken {
  name: string | null;
  expiresAt: string | null;
}

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

export function isSweepable(token: NamedToken, names: SweepNames, nowMs: number): boolean {
  const { name, expiresAt } = token;
  if (!name || !expiresAt || !name.startsWith(names.stem)) return false;
  const rest = name.slice(names.stem.length);
  const ours = names.exact ? new RegExp(`^${SUFFIX_PATTERN}$`).test(rest) : new RegExp(`^[a-z0-9-]+-${SUFFIX_PATTERN}$`).test(rest);
  const expired = Date.parse(expiresAt);
  return ours && !Number.isNaN(expired) && expired < nowMs - SWEEP_MARGIN_MS;
}
