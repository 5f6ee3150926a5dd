// src/runner/run-context.ts: what the action takes from @actions/github's context, and the guidance the event gives.
import { describe, expect, it } from 'vitest';
import { parseCredential } from '../../src/inputs/minting-credential.ts';
import { runInfoFrom, untrustedEventWarning } from '../../src/runner/run-context.ts';
import { mintSummary } from '../../src/report/summary.ts';

type FakeContext = Parameters<typeof runInfoFrom>[0];
const context = (over: Partial<FakeContext> = {}): FakeContext => ({
  eventName: 'push',
  actor: 'octocat',
  job: 'migrate',
  runId: 9876543210,
  runAttempt: 2,
  serverUrl: 'https://github.com',
  payload: {},
  repo: { owner: 'acme', repo: 'shop' },
  ...over,
});
const pullRequest = (head: unknown) => ({
  pull_request: { number: 1, head: { repo: head } },
  repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme', name: 'acme' } },
});

describe('runInfoFrom', () => {
  it("takes the run's identity and builds its URL", () => {
    expect(runInfoFrom(context())).toEqual({
      repository: 'acme/shop',
      runId: '9876543210',
      runAttempt: '2',
      job: 'migrate',
      runUrl: 'https://github.com/acme/shop/actions/runs/9876543210/attempts/2',
      eventName: 'push',
    });
  });

  it('leaves out what the runner did not give (context.repo throws without GITHUB_REPOSITORY)', () => {
    const unknown = {
      ...context({ runId: Number.NaN, runAttempt: Number.NaN }),
      get repo(): never {
        throw new Error('no repo');
      },
    };
    expect(runInfoFrom(unknown)).toMatchObject({ repository: '', runId: '', runAttempt: '', runUrl: '' });
  });

  it('knows when secrets are withheld: a pull request from a fork, a deleted fork, Dependabot', () => {
    expect(
      runInfoFrom(context({ eventName: 'pull_request', payload: pullRequest({ full_name: 'mallory/shop', fork: true }) })).secretsWithheld,
    ).toBe('fork');
    expect(runInfoFrom(context({ eventName: 'pull_request', payload: pullRequest(null) })).secretsWithheld).toBe('fork');
    expect(
      runInfoFrom(context({ eventName: 'pull_request', payload: pullRequest({ full_name: 'acme/shop', fork: false }) })).secretsWithheld,
    ).toBeUndefined();
    // pull_request_target runs in the base repository, with its secrets.
    expect(
      runInfoFrom(context({ eventName: 'pull_request_target', payload: pullRequest({ full_name: 'mallory/shop', fork: true }) }))
        .secretsWithheld,
    ).toBeUndefined();
    expect(
      runInfoFrom(context({ eventName: 'pull_request', actor: 'dependabot[bot]', payload: pullRequest({ full_name: 'acme/shop' }) }))
        .secretsWithheld,
    ).toBe('dependabot');
    expect(runInfoFrom(context({ eventName: 'push', actor: 'dependabot[bot]' })).secretsWithheld).toBe('dependabot');
  });
});

describe('guidance', () => {
  const empty = () => '';
  it('says why the minting secrets are empty when the event tells', () => {
    const message = (withheld?: 'fork' | 'dependabot') => {
      const parsed = parseCredential(empty, {}, withheld);
      return parsed.ok ? '' : parsed.errors[0]!.message;
    };
    expect(message('fork')).toMatch(/This run is a pull request from a fork: GitHub passes no secrets to it/);
    expect(message('dependabot')).toMatch(/triggered by Dependabot, which sees only Dependabot secrets/);
    expect(message()).toMatch(/not passed to workflows triggered from forks, and Dependabot/);
    expect(message()).not.toMatch(/This run/);
  });

  it('warns on pull_request_target and workflow_run only', () => {
    expect(untrustedEventWarning('pull_request_target')).toMatch(/^This job runs on pull_request_target.*must not reach that code/);
    expect(untrustedEventWarning('workflow_run')).toMatch(/^This job runs on workflow_run/);
    for (const event of ['pull_request', 'push', 'workflow_dispatch', '']) expect(untrustedEventWarning(event)).toBeUndefined();
  });

  it('links the run from the job summary when its URL is known', () => {
    const base = { name: 'gha-x-abc123', org: 'acme', expiresAt: '2026-01-01T00:00:00Z', granted: [], cleanup: true };
    expect(mintSummary({ ...base, runUrl: 'https://github.com/acme/shop/actions/runs/1/attempts/1' })).toContain(
      'Minted by [this workflow run](<https://github.com/acme/shop/actions/runs/1/attempts/1>).',
    );
    expect(mintSummary(base)).not.toContain('Minted by');
  });
});
