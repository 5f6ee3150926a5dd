// Granting the token its accesses, all at once, and checking what PlanetScale reports granted
// against what the job asked for: nothing missing, nothing extra.

import type { AccessRequest, Config } from '../../inputs/config.js';
import type { PlanetScaleClient } from '../../planetscale/client.js';
import { PlanetScaleApiError } from '../../planetscale/errors.js';
import { getTokenAccesses, grantAccesses, type GrantedAccess } from '../../planetscale/service-tokens.js';
import { explain } from '../../report/explain.js';
import { errorMessage, show } from '../../report/text.js';
import { checkGrants } from '../../token/grants.js';
import { settleLimited } from './concurrency.js';
import { StepFailure } from './step-failure.js';

/**
 * Grant calls in flight at once: 16 databases plus the organization go out in one round trip, and
 * a long list does not spend the minting token's shared rate limit in one burst.
 */
export const MAX_GRANTS_IN_FLIGHT = 17;

/** One grant call per database plus one for the organization, in parallel: they are independent. */
export async function grantAll(client: PlanetScaleClient, config: Config, tokenId: string): Promise<GrantedAccess[]> {
  const results = await settleLimited(config.requests, MAX_GRANTS_IN_FLIGHT, (request) =>
    grantAccesses(client, config.org, tokenId, request.resourceType === 'Organization' ? '' : request.resourceName, request.accesses),
  );
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [explain(result.reason, { kind: 'grant', org: config.org, request: config.requests[i]! })] : [],
  );
  if (failures.length > 0) throw new StepFailure(failures.join('\n'));

  const answers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // A paged answer holds one page of the token's accesses: the whole list is read, unpaged, once
  // every grant is made, so that the rest is not taken for accesses that were not granted.
  const granted = answers.some((answer) => answer.paged)
    ? await readAllAccesses(client, config.org, tokenId)
    : answers.flatMap((answer) => answer.records);
  const { missing, unexpected, foreign } = checkGrants(config.requests, granted, config.org);
  if (foreign.length > 0) {
    throw new StepFailure(
      `PlanetScale reports accesses on another organization than ${show(config.org)}: ${foreign.map(describeRecord).join(', ')}. ` +
        'The token is not handed over on an answer that is not about it.',
    );
  }
  if (missing.length > 0) {
    throw new StepFailure(
      `PlanetScale accepted the grants but does not report ${missing.map(describeRequest).join('; ')} as granted, ` +
        'so the token would not work as asked. This is unexpected: retry the job, and report it if it persists.',
    );
  }
  if (unexpected.length > 0) {
    // More privilege than the job asked for is not handed over.
    throw new StepFailure(
      `PlanetScale reports accesses that were not asked for: ${unexpected.map(describeRecord).join(', ')}. ` +
        'The token is not handed over with more than the job asked for.',
    );
  }
  return granted;
}

async function readAllAccesses(client: PlanetScaleClient, org: string, tokenId: string): Promise<GrantedAccess[]> {
  try {
    return await getTokenAccesses(client, org, tokenId);
  } catch (error) {
    const refused = error instanceof PlanetScaleApiError && (error.status === 403 || error.status === 404);
    throw new StepFailure(
      "PlanetScale answered a grant call with one page of the token's accesses, and reading all of them failed" +
        (refused
          ? ` (HTTP ${error.status}): the minting token lacks read_service_tokens, so the grants cannot be checked. Add it to the minting token.`
          : `: ${errorMessage(error)}`),
    );
  }
}

function describeRecord(g: GrantedAccess): string {
  return `${g.access} on ${g.resourceType} ${show(g.resourceName)}`;
}

function describeRequest(request: AccessRequest): string {
  return `${request.accesses.join(', ')} on ${request.resourceType === 'Organization' ? 'organization' : 'database'} ${show(request.resourceName)}`;
}
