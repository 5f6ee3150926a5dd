// The optional sweep (input sweep-expired): in post, delete the organization's tokens that this
// action minted in earlier runs and that have expired, the leftovers of runners that died
// before their post step. Which names count is decided in sweep-names.ts.

import type { PlanetScaleClient } from '../planetscale/client.js';
import { listServiceTokens, type ServiceTokenList } from '../planetscale/service-tokens.js';
import { listingFailure } from '../report/explain.js';
import { removeToken } from './remove.js';
import { show } from '../report/text.js';
import { isSweepable, type SweepNames } from './sweep-names.js';

export type SweepResult = { ok: true; removed: number; failures: string[] } | { ok: false; reason: string };

export async function sweepExpired(client: PlanetScaleClient, org: string, names: SweepNames, nowMs: number): Promise<SweepResult> {
  let listed: ServiceTokenList;
  const what = `expired tokens named ${show(`${names.stem}${names.exact ? '' : '…'}`)}`;
  try {
    listed = await listServiceTokens(client, org);
  } catch (error) {
    return { ok: false, reason: listingFailure(error, what) };
  }
  // Expiry is PlanetScale's to judge, by the clock that dated expires_at: a runner whose clock runs
  // ahead would otherwise delete other jobs' live tokens. The runner's clock only when no Date came.
  const now = listed.serverNow ?? nowMs;
  const expired = listed.tokens.filter((token) => isSweepable(token, names, now));
  let removed = 0;
  // A list cut short is swept as far as it was read: the sweep is what shortens it.
  const failures: string[] = listed.cutShort ? [`${listed.cutShort}: only those read were looked at for ${what}.`] : [];
  for (const token of expired) {
    const result = await removeToken(client, org, token.id, token.name ?? token.id);
    if (result.ok) removed++;
    else failures.push(result.reason);
  }
  return { ok: true, removed, failures };
}
