// Turning a failed API call into a message that says what happened and what to do. PlanetScale
// answers 404 for a missing permission, so a 404 names both causes: the thing does not exist, or
// the minting token may not touch it.

import type { AccessRequest } from '../inputs/config.js';
import { errorMessage, show } from './text.js';
import { PlanetScaleApiError, PlanetScaleNetworkError } from '../planetscale/errors.js';

export type Operation =
  | { kind: 'create'; org: string }
  | { kind: 'grant'; org: string; request: AccessRequest }
  | { kind: 'delete'; org: string; tokenName: string };

function describe(op: Operation): string {
  switch (op.kind) {
    case 'create':
      return `creating a service token in organization ${show(op.org)}`;
    case 'grant':
      return `granting ${op.request.accesses.join(', ')} on ${resource(op.request)}`;
    case 'delete':
      return `deleting service token ${show(op.tokenName)}`;
  }
}

function resource(request: AccessRequest): string {
  return request.resourceType === 'Organization' ? `organization ${show(request.resourceName)}` : `database ${show(request.resourceName)}`;
}

function notFoundAdvice(op: Operation): string {
  switch (op.kind) {
    case 'create':
      return `the organization does not exist, or the minting token lacks write_service_tokens on it (PlanetScale answers 404 for a missing permission).`;
    case 'grant':
      return (
        `${op.request.resourceType === 'Organization' ? 'the minting token' : `the database does not exist, or the minting token`} ` +
        `does not itself hold ${op.request.accesses.join(', ')} on ${resource(op.request)}: a token can only delegate ` +
        `accesses it holds (PlanetScale answers 404 for a missing permission). Grant them to the minting token, or ask for fewer.`
      );
    case 'delete':
      return `the minting token lacks delete_service_tokens (PlanetScale answers 404 for a missing permission).`;
  }
}

/** ", after 5 attempts" when the call was retried. */
function attempts(error: PlanetScaleApiError | PlanetScaleNetworkError): string {
  return error.attempts > 1 ? `, after ${error.attempts} attempts` : '';
}

export function explain(error: unknown, op: Operation): string {
  const what = describe(op);
  if (error instanceof PlanetScaleApiError) {
    const status = `HTTP ${error.status}${error.code ? `, code ${show(error.code)}` : ''}`;
    // apiMessage is already redacted and cut to 300 characters: shown whole.
    const detail = error.apiMessage ? ` PlanetScale says: ${show(error.apiMessage, Infinity)}.` : '';
    if (error.status === 401) {
      return (
        `PlanetScale rejected the minting token (${status}) while ${what}: the service token ID/secret or ` +
        `api-token is wrong, expired or deleted. Check the secrets the workflow passes, or create a new minting token.`
      );
    }
    if (error.status === 403 || error.status === 404) {
      return `PlanetScale refused ${what} (${status}): ${notFoundAdvice(op)}`;
    }
    if (error.status === 429) {
      return (
        `PlanetScale rate-limited ${what} (${status}${attempts(error)}): the minting token's requests a minute, ` +
        `shared by every job that uses it, are spent${op.kind === 'create' ? ', so no token was created' : ''}. ` +
        `Run fewer such jobs at once, or give each repository or team a minting token of its own.${detail}`
      );
    }
    if (error.status === 422) {
      return `PlanetScale refused ${what} as invalid (${status}).${detail}`;
    }
    return `PlanetScale failed ${what} (${status}${attempts(error)}).${detail}`;
  }
  if (error instanceof PlanetScaleNetworkError) {
    return `Could not reach PlanetScale at ${error.url} while ${what}${attempts(error)}: ${error.reason}.`;
  }
  return `Failed ${what}: ${errorMessage(error)}.`;
}

/** Why listing the organization's tokens to look for `what` failed, and what it means. */
export function listingFailure(error: unknown, what: string): string {
  if (error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404)) {
    return `PlanetScale refused listing service tokens (HTTP ${error.status}): the minting token lacks read_service_tokens, so ${what} cannot be looked for.`;
  }
  return `Listing service tokens to look for ${what} failed: ${describeError(error)}`;
}

/** An error's message as a sentence, never empty. */
function describeError(error: unknown): string {
  const message = errorMessage(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
