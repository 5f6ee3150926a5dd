// The minting token: a service token pair (inputs, or pscale's env variables) or an OAuth
// access token. Used by main to mint and by post to delete, so it lives apart from the other inputs.

import { fail, type InputError, type Parsed, type ReadInput } from './parsed.js';
import type { SecretsWithheld } from '../runner/run-context.js';

export type MintingCredential =
  { kind: 'service-token'; id: string; token: string; source: 'input' | 'env' } | { kind: 'api-token'; token: string; source: 'input' };

const SECRETS_HINT =
  'Store the minting token as repository or environment secrets and pass them in with ' +
  '`minting-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and ' +
  '`minting-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}`.';

/** Why the secrets may be empty: this run's reason when the event tells it, else the usual ones. */
function secretsHint(withheld: SecretsWithheld | undefined): string {
  switch (withheld) {
    case 'fork':
      return `${SECRETS_HINT} This run is a pull request from a fork: GitHub passes no secrets to it, so it cannot mint. Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository).`;
    case 'dependabot':
      return `${SECRETS_HINT} This run was triggered by Dependabot, which sees only Dependabot secrets: add the minting token there too (Settings > Secrets and variables > Dependabot), or skip this step for Dependabot.`;
    case undefined:
      return `${SECRETS_HINT} Note that secrets are not passed to workflows triggered from forks, and Dependabot runs only see Dependabot secrets: such runs get empty values.`;
  }
}

/** Why a credential value cannot go into an Authorization header, if it cannot. Never quotes it. */
function credentialProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return "contains a line break; a credential is a single line: check the secret's value";
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return "contains spaces, control or non-ASCII characters, which no PlanetScale credential has: check the secret's value";
  }
  return undefined;
}

/** `withheld`: why this run's secrets may be empty, when the event says (runner/run-context.ts). */
export function parseCredential(read: ReadInput, env: NodeJS.ProcessEnv, withheld?: SecretsWithheld): Parsed<MintingCredential> {
  const id = read('minting-token-id');
  const token = read('minting-token');
  const apiToken = read('api-token');

  if (apiToken && (id || token)) {
    return fail('api-token', 'is set together with minting-token-id/minting-token: give one minting token, not both.');
  }
  if (apiToken) {
    const problem = credentialProblem(apiToken);
    return problem ? fail('api-token', problem) : { ok: true, value: { kind: 'api-token', token: apiToken, source: 'input' } };
  }
  if (id || token) return servicePair(id, token, 'input', 'minting-token-id', 'minting-token', withheld);

  // Both inputs empty: fall back to the variables pscale itself reads.
  const envId = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
  const envToken = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
  if (envId || envToken) {
    return servicePair(envId, envToken, 'env', 'PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN', withheld);
  }
  return fail(
    'minting-token',
    'no minting token: minting-token-id, minting-token and api-token are empty, and so are env ' +
      `PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN. ${secretsHint(withheld)}`,
  );
}

function servicePair(
  id: string,
  token: string,
  source: 'input' | 'env',
  idName: string,
  tokenName: string,
  withheld: SecretsWithheld | undefined,
): Parsed<MintingCredential> {
  if (!id) return fail(idName, `is empty while ${tokenName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
  if (!token) return fail(tokenName, `is empty while ${idName} is set: give both halves of the minting token. ${secretsHint(withheld)}`);
  const errors: InputError[] = [];
  const idProblem = credentialProblem(id);
  if (idProblem) errors.push({ input: idName, message: idProblem });
  const tokenProblem = credentialProblem(token);
  if (tokenProblem) errors.push({ input: tokenName, message: tokenProblem });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { kind: 'service-token', id, token, source } };
}

/**
 * Whether export-env takes the minting token away from post: it came from env
 * PLANETSCALE_SERVICE_TOKEN(_ID), or from inputs holding the same values (`${{ env.… }}`), and
 * post sees those variables, and inputs evaluated again, with the minted token in them. Only
 * then does main keep a sealed copy in state (state/seal.ts).
 */
export function replacedByExportEnv(credential: MintingCredential, env: NodeJS.ProcessEnv): boolean {
  if (credential.source === 'env') return true;
  const id = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
  const token = (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim();
  return (token !== '' && credential.token === token) || (id !== '' && credential.kind === 'service-token' && credential.id === id);
}
