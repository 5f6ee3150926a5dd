// The post step: delete the token main minted, with the credential main minted it with.

import { parseCredential } from './credentials.js';
import { nothingToCleanUp } from './nothing-to-clean.js';
import { PlanetScaleClient, type Credential } from './planetscale/client.js';
import { removeToken, removeTokensNamed } from './remove-token.js';
import * as runner from './runner.js';
import { STATE, openCredential } from './state.js';
import { deletedSummary } from './summary.js';
import { show } from './text.js';

/** Runs the post step; resolves to the process exit code. */
export async function cleanup(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const id = runner.getState(STATE.id);
  const name = runner.getState(STATE.name);
  const expiresAt = runner.getState(STATE.expiresAt) || 'the end of its TTL';
  const nothing = nothingToCleanUp(runner.getState);
  if (nothing) {
    runner.info(nothing);
    return 0;
  }

  const org = runner.getState(STATE.org);
  const failed = (reason: string) => {
    runner.error(
      `Could not delete service token ${show(name)}: ${reason} It stays valid until ${expiresAt}; ` +
        `delete it in PlanetScale (organization ${show(org)}, Settings > Service tokens) if that is too long.`,
    );
    return 1;
  };
  const credential = mintingCredential(env, id);
  if (typeof credential === 'string') return failed(credential);
  const client = new PlanetScaleClient({
    baseUrl: runner.getState(STATE.apiUrl),
    credential,
    debug: runner.isDebug() ? runner.debug : undefined,
  });

  if (!id) {
    // Main began creating the token but never learnt its ID (cancelled, or the answer was lost).
    runner.info(`The main step did not learn whether service token ${show(name)} was created: looking for it by name.`);
    const found = await removeTokensNamed(client, org, name);
    if (!found.ok) return failed(found.reason);
    runner.info(found.removed > 0 ? `Deleted service token ${show(name)}.` : `No service token named ${show(name)} exists: nothing to clean up.`);
    if (found.removed > 0) runner.appendSummary(deletedSummary(name, 'deleted'));
    return 0;
  }

  const result = await removeToken(client, org, id, name);
  if (!result.ok) return failed(result.reason);
  runner.info(
    result.outcome === 'deleted'
      ? `Deleted service token ${show(name)}.`
      : `Service token ${show(name)} was already gone (deleted elsewhere, or expired and removed).`,
  );
  runner.appendSummary(deletedSummary(name, result.outcome));
  return 0;
}

/**
 * The credential main minted with: the sealed copy main kept when export-env was on (it then
 * replaced env PLANETSCALE_SERVICE_TOKEN*, and inputs reading env change with it), else the
 * inputs (evaluated again for post) or env. Returns an explanation when there is none.
 */
function mintingCredential(env: NodeJS.ProcessEnv, mintedId: string): Credential | string {
  const sealed = runner.getState(STATE.sealedCredential);
  if (sealed) {
    const opened = openCredential(sealed, (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
    if (opened) {
      if (opened.kind === 'service-token') runner.setSecret(opened.id);
      runner.setSecret(opened.token);
      return opened;
    }
  }
  const parsed = parseCredential(runner.getInput, env);
  if (!parsed.ok) return `the minting credential is no longer available (${parsed.errors.map((e) => e.message).join(' ')})`;
  const credential = parsed.value;
  if (credential.kind === 'service-token' && mintedId && credential.id === mintedId) {
    return (
      'the minting credential could not be recovered: PLANETSCALE_SERVICE_TOKEN(_ID) and the inputs now hold the minted token ' +
      '(did a later step, or another use of this action, change PLANETSCALE_SERVICE_TOKEN?).'
    );
  }
  return credential;
}
