// Post's last act when main exported env: put PLANETSCALE_SERVICE_TOKEN(_ID), PLANETSCALE_ORG, the
// marker (and PLANETSCALE_API_URL) back to what they were before main, through GITHUB_ENV, so the
// post steps of earlier uses of the action, which run after this one, see the env they left.
// Loaded by post.ts only when there is something to put back (it needs node:crypto).

import * as core from '@actions/core';
import { stillOurs } from '../env-handover.js';
import * as log from '../../runner/log.js';
import { STATE } from '../../state/keys.js';
import { openEnv } from '../../state/seal.js';

export function restoreEnv(env: NodeJS.ProcessEnv = process.env): void {
  const id = core.getState(STATE.id);
  // A step after main set the variables itself: what it set stays.
  if (!stillOurs(env, id)) return;
  const before = openEnv(core.getState(STATE.envBefore), (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
  if (!before) return;
  // The values before may be another token's ID and secret: masked before they are written (the
  // runner logs GITHUB_ENV values with step debug on).
  for (const name of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN']) log.setSecret((before[name] ?? '').trim());
  for (const [name, value] of Object.entries(before)) core.exportVariable(name, value);
  log.info(`Put ${Object.keys(before).join(', ')} back as they were before this use of the action, for the steps after this one.`);
}
