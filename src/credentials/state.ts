// The minted credential as main records it for post (STATE.credential): JSON, read back with
// every field checked, so that what post deletes is only ever what main described.

import type { CredentialTarget } from './target.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCredentialTarget(target: CredentialTarget): string {
  const { org, database, branch, kind, name, successor } = target;
  return JSON.stringify({ org, database, branch, kind, name, ...(successor ? { successor } : {}) });
}

/** The target main recorded; undefined when there is none, or it is not one main could have written. */
export function decodeCredentialTarget(text: string): CredentialTarget | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { org, database, branch, kind, name, successor } = value as Record<string, unknown>;
  const names = [org, database, branch, name];
  if (!names.every((n) => typeof n === 'string' && NAME.test(n))) return undefined;
  if (kind !== 'password' && kind !== 'role') return undefined;
  if (successor !== undefined && (typeof successor !== 'string' || !ID.test(successor))) return undefined;
  return {
    org: org as string,
    database: database as string,
    branch: branch as string,
    kind,
    name: name as string,
    ...(successor ? { successor: successor } : {}),
  };
}
