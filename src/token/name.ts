// The minted token's name: a prefix (the `name` input, or one built from the workflow run) plus
// a random suffix. The suffix makes the name ours alone, so a token can be found by name even
// when its ID was never learnt (a create whose response was lost).

import type { RunInfo } from '../runner/run-context.js';

// node:crypto is loaded when a name is made (main), not when this module is imported: post
// imports SUFFIX_PATTERN (for the sweep) and need not pay for loading crypto.
const randomInt = (max: number): number => process.getBuiltinModule('node:crypto').randomInt(max);

export const MAX_NAME_LENGTH = 63;
const SUFFIX_LENGTH = 6;
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The random suffix, as a regular expression source. */
export const SUFFIX_PATTERN = `[${SUFFIX_ALPHABET.replace('abcdefghijklmnopqrstuvwxyz', 'a-z').replace('0123456789', '0-9')}]{${SUFFIX_LENGTH}}`;
/** Room left for the prefix once `-` and the suffix are appended. */
export const MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1 - SUFFIX_LENGTH;

/** Lowercase letters, digits and single `-`, no `-` at either end. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function clip(text: string, length: number): string {
  return text.slice(0, length).replace(/-+$/, '');
}

/** The `name` input made fit for a token name; empty when nothing usable is left. */
export function normalizeNamePrefix(raw: string): string {
  return clip(slug(raw), MAX_PREFIX_LENGTH);
}

/** `shop` from acme/shop; long names clipped so that the run id and job still fit. */
function repositoryPart(repository: string): string {
  return clip(slug(repository.split('/').pop() ?? ''), 20);
}

/**
 * What every default name minted for this repository starts with: `gha-shop-`. The sweep
 * (token/sweep.ts) deletes expired tokens whose names start so.
 */
export function defaultNameStem(repository: string): string {
  const part = repositoryPart(repository);
  return part ? `gha-${part}-` : 'gha-';
}

/** e.g. `gha-shop-9876543210-1-migrate` from the run (runner/run-context.ts). */
export function defaultNamePrefix(run: Pick<RunInfo, 'repository' | 'runId' | 'runAttempt' | 'job'>): string {
  const parts = ['gha', repositoryPart(run.repository), run.runId, run.runAttempt, slug(run.job)];
  return clip(slug(parts.filter(Boolean).join('-')), MAX_PREFIX_LENGTH);
}

export function randomSuffix(): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return suffix;
}

export function tokenName(prefix: string, suffix: string = randomSuffix()): string {
  return `${prefix}-${suffix}`;
}
