// The post step: delete the token main minted, with the credential main minted it with.

import { parseCredential } from './credentials.js';
import { PlanetScaleClient, type Credential } from './planetscale/client.js';
import { removeToken } from './remove-token.js';
import * as runner from './runner.js';
import { show } from './text.js';
import { STATE, openCredential } from './state.js';
import { deletedSummary } from './summary.js';

/** Runs the post step; resolves to the process exit code. */
export async function cleanup(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const id = runner.getState(STATE.id);
  const name = runner.getState(STATE.name) || '(unnamed)';
  const expiresAt = runner.getState(STATE.expiresAt) || 'the end of its TTL';
  if (!id) {
    runner.info('Nothing to clean up: the main step minted no token.');
    return 0;
  }
  if (runner.getState(STATE.deleted) === 'true') {
    runner.info(`Nothing to clean up: service token ${show(name)} was already deleted by the main step.`);
    return 0;
  }
  if (runner.getState(STATE.cleanup) === 'false') {
    runner.info(`cleanup is false: leaving service token ${show(name)} valid until it expires at ${expiresAt}.`);
    return 0;
  }

  const credential = mintingCredential(env, id);
  const org = runner.getState(STATE.org);
  const failed = (reason: string) => {
    runner.error(
      `Could not delete service token ${show(name)}: ${reason} It stays valid until ${expiresAt}; ` +
        `delete it in PlanetScale (organization ${show(org)}, Settings > Service tokens) if that is too long.`,
    );
    return 1;
  };
  if (typeof credential === 'string') return failed(credential);

  const client = new PlanetScaleClient({
    baseUrl: runner.getState(STATE.apiUrl),
    credential,
    debug: runner.isDebug() ? runner.debug : undefined,
  });
  const result = await removeToken(client, org, id, name);
  if (!result.ok) return failed(result.reason);
  runner.info(
    result.outcome === 'deleted'
      ? `Deleted service token ${show(name)}.`
      : `Service token ${show(name)} was already gone (deleted elsewhere, or expired and removed).`,
  );
  runner.appendSummary(deletedSummary(name));
  return 0;
}

/**
 * The credential main minted with: the inputs (evaluated again for post), or env. When main
 * exported the minted token over env PLANETSCALE_SERVICE_TOKEN(_ID), the env pair is recovered
 * from the sealed copy in state. Returns an explanation when there is none.
 */
function mintingCredential(env: NodeJS.ProcessEnv, mintedId: string): Credential | string {
  const sealed = runner.getState(STATE.sealedCredential);
  if (sealed) {
    const pair = openCredential(sealed, (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
    if (pair) {
      runner.setSecret(pair.id);
      runner.setSecret(pair.token);
      return { kind: 'service-token', ...pair };
    }
  }
  const parsed = parseCredential(runner.getInput, env);
  if (!parsed.ok) return `the minting credential is no longer available (${parsed.errors.map((e) => e.message).join(' ')})`;
  const credential = parsed.value;
  if (credential.kind === 'service-token' && credential.id === mintedId) {
    return (
      'env PLANETSCALE_SERVICE_TOKEN_ID/PLANETSCALE_SERVICE_TOKEN now hold the minted token, not the minting one, ' +
      'and the minting credential could not be recovered (a later step changed PLANETSCALE_SERVICE_TOKEN?). ' +
      'Pass the minting token through the service-token-id and service-token inputs instead.'
    );
  }
  return credential;
}
