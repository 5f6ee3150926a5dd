import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, defaultNamePrefix, normalizeNamePrefix, randomSuffix, tokenName } from '../../src/token/name.ts';

describe('token names', () => {
  it('builds the default prefix from repository, run id, attempt and job', () => {
    expect(defaultNamePrefix({ repository: 'acme/shop', runId: '9876543210', runAttempt: '1', job: 'migrate' })).toBe(
      'gha-shop-9876543210-1-migrate',
    );
  });

  it('keeps the run id when the repository name is long, and stays within the limit', () => {
    const prefix = defaultNamePrefix({
      repository: 'acme/' + 'Very_Long.Repository-Name'.repeat(4),
      runId: '9876543210',
      runAttempt: '12',
      job: 'build_and_deploy_everything_everywhere_all_at_once',
    });
    expect(prefix).toMatch(/^gha-very-long-repository-9876543210-12-build-and-deploy/);
    const name = tokenName(prefix);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('appends a random six-character suffix', () => {
    expect(tokenName('ci', 'x7k2q9')).toBe('ci-x7k2q9');
    const suffixes = new Set(Array.from({ length: 50 }, () => randomSuffix()));
    expect(suffixes.size).toBeGreaterThan(45);
    for (const s of suffixes) expect(s).toMatch(/^[a-z0-9]{6}$/);
  });

  it('normalises any text to a valid prefix', () => {
    expect(normalizeNamePrefix('--Deploy  Bot--')).toBe('deploy-bot');
    expect(normalizeNamePrefix('ünïcode ✓ name')).toBe('n-code-name');
    expect(normalizeNamePrefix('a'.repeat(55) + '-bc')).toBe('a'.repeat(55));
  });
});
