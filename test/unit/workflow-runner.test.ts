// The workflow runner's decisions, apart from any run: expressions and status functions, shells,
// which events a workflow reacts to.
import { describe, expect, it } from 'vitest';
import { condition, interpolate } from '../workflow-runner/expressions.ts';
import { reactsTo } from '../workflow-runner/run.ts';
import { shellCommand } from '../workflow-runner/shell-step.ts';
import type { WorkflowModel } from '../workflow-runner/workflow.ts';

const ok = { success: true, failure: false };
const failed = { success: false, failure: true };

describe('expressions', () => {
  it('status functions answer from the status given', () => {
    expect(condition('success()', {}, ok)).toBe(true);
    expect(condition('success()', {}, failed)).toBe(false);
    expect(condition('failure()', {}, failed)).toBe(true);
    expect(condition('always()', {}, failed)).toBe(true);
    expect(condition('${{ !cancelled() }}', {}, failed)).toBe(true);
  });

  it("uses GitHub's coercions: missing is empty, numbers compare loosely, strings case-insensitively", () => {
    const contexts = {
      vars: {},
      github: { repository: 'acme/shop', event: { pull_request: { number: 42, head: { repo: { full_name: 'ACME/shop' } } } } },
    };
    expect(condition("vars.PLANETSCALE_ORG != ''", contexts, ok)).toBe(false);
    expect(condition("github.event.pull_request.number == '42'", contexts, ok)).toBe(true);
    expect(condition('github.event.pull_request.head.repo.full_name == github.repository', contexts, ok)).toBe(true);
    expect(interpolate("pr-${{ github.event.pull_request.number }}-${{ format('{0}', 'x') }}", contexts)).toBe('pr-42-x');
  });
});

describe('shells', () => {
  it('as GitHub runs them on Linux: default bash -e, bash with pipefail, a template with {0}', () => {
    expect(shellCommand(undefined, '/t/s.sh')).toEqual(['bash', '-e', '/t/s.sh']);
    expect(shellCommand('bash', '/t/s.sh')).toEqual(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '/t/s.sh']);
    expect(shellCommand('python {0}', '/t/s.sh')).toEqual(['python', '/t/s.sh']);
  });
});

describe('events', () => {
  const workflow = (events: WorkflowModel['events']): WorkflowModel => ({ path: 'w.yml', events, env: {}, jobs: [] });
  it('honours types:, and pull_request without types: only for opened, synchronize, reopened', () => {
    const typed = workflow({ pull_request: { types: ['closed'], inputDefaults: {} } });
    expect(reactsTo(typed, { name: 'pull_request', payload: { action: 'closed' } })).toBe(true);
    expect(reactsTo(typed, { name: 'pull_request', payload: { action: 'opened' } })).toBe(false);
    const untyped = workflow({ pull_request: { inputDefaults: {} } });
    expect(reactsTo(untyped, { name: 'pull_request', payload: { action: 'synchronize' } })).toBe(true);
    expect(reactsTo(untyped, { name: 'pull_request', payload: { action: 'closed' } })).toBe(false);
    expect(reactsTo(untyped, { name: 'workflow_dispatch', payload: {} })).toBe(false);
  });
});
