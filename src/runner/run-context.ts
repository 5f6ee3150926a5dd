// What the action needs to know about the workflow run, from @actions/github's `context`
// (https://github.com/actions/toolkit/tree/main/packages/github): the run's identity for the
// default token name and the summary, and the event for guidance. runInfoFrom is pure; the
// context itself is read once, in main (post never needs it).

import type { context as githubContext } from '@actions/github';

type Context = Pick<typeof githubContext, 'eventName' | 'actor' | 'job' | 'runId' | 'runAttempt' | 'serverUrl' | 'payload'> & {
  readonly repo: { owner: string; repo: string };
};

/** Why the repository's secrets reach this run empty, when the event says so. */
export type SecretsWithheld = 'fork' | 'dependabot';

export interface RunInfo {
  /** `acme/shop`; '' when unknown. */
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** The run's page, for the job summary; '' when unknown. */
  runUrl: string;
  eventName: string;
  secretsWithheld?: SecretsWithheld;
}

/** A run nothing is known of (tests, or outside a runner). */
export const UNKNOWN_RUN: RunInfo = { repository: '', runId: '', runAttempt: '', job: '', runUrl: '', eventName: '' };

const DEPENDABOT = 'dependabot[bot]';

/** Our view of the run from @actions/github's context. Pure (context.repo reads only env and the payload). */
export function runInfoFrom(context: Context): RunInfo {
  let repository = '';
  try {
    const { owner, repo } = context.repo;
    repository = `${owner}/${repo}`;
  } catch {
    // No GITHUB_REPOSITORY and no repository in the payload: a name without it is still unique.
  }
  const number = (n: number) => (Number.isFinite(n) ? String(n) : '');
  const runId = number(context.runId);
  const runAttempt = number(context.runAttempt);
  const runUrl =
    repository && runId ? `${context.serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}` : '';
  const info: RunInfo = { repository, runId, runAttempt, job: context.job ?? '', runUrl, eventName: context.eventName ?? '' };
  const withheld = secretsWithheld(context);
  return withheld ? { ...info, secretsWithheld: withheld } : info;
}

/**
 * Runs that get the repository's secrets empty: Dependabot's see only Dependabot secrets, and a
 * pull_request from a fork sees none.
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow
 * https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions
 */
function secretsWithheld(context: Context): SecretsWithheld | undefined {
  if (context.actor === DEPENDABOT) return 'dependabot';
  if (context.eventName !== 'pull_request') return undefined;
  const pr = context.payload.pull_request as { head?: { repo?: { full_name?: string; fork?: boolean } | null } } | undefined;
  const head = pr?.head?.repo;
  const base = (context.payload.repository as { full_name?: string } | undefined)?.full_name;
  if (head === null) return 'fork'; // the fork was deleted since
  if (head?.fork === true || (head?.full_name && base && head.full_name !== base)) return 'fork';
  return undefined;
}

/**
 * Events that run with the base repository's secrets while a pull request's code may be around:
 * a token minted there must never reach that code.
 * https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
 */
export function untrustedEventWarning(eventName: string): string | undefined {
  if (eventName !== 'pull_request_target' && eventName !== 'workflow_run') return undefined;
  return (
    `This job runs on ${eventName}, with the repository's secrets, where a pull request's code may be checked out. ` +
    'The minted token must not reach that code: do not run it (builds, tests, scripts) in this job after this step, ' +
    'or give the token only the accesses such code could be trusted with.'
  );
}
