import { describe, expect, it } from 'vitest';
import { nothingToCleanUp } from '../../src/nothing-to-clean.ts';
import { STATE } from '../../src/state-keys.ts';

const from = (state: Partial<Record<(typeof STATE)[keyof typeof STATE], string>>) => (key: string) => state[key as keyof typeof state] ?? '';

describe('nothingToCleanUp', () => {
  it('says so when main minted nothing', () => {
    expect(nothingToCleanUp(from({}))).toBe('Nothing to clean up: the main step minted no token.');
  });

  it('says so when main settled (deleted its token, or the create surely failed)', () => {
    expect(nothingToCleanUp(from({ [STATE.name]: 'ci-1', [STATE.id]: 't1', [STATE.settled]: 'true' }))).toMatch(
      /^Nothing to clean up: the main step left no token alive \("ci-1" was deleted/,
    );
  });

  it('leaves a token alive when cleanup is false, and says until when', () => {
    expect(nothingToCleanUp(from({ [STATE.name]: 'ci-1', [STATE.id]: 't1', [STATE.cleanup]: 'false', [STATE.expiresAt]: '2026-01-01T00:00:00Z' }))).toBe(
      'cleanup is false: leaving service token "ci-1" valid until it expires at 2026-01-01T00:00:00Z.',
    );
  });

  it('has work when a token is recorded, or when main never learnt whether it created one', () => {
    expect(nothingToCleanUp(from({ [STATE.name]: 'ci-1', [STATE.id]: 't1', [STATE.cleanup]: 'true' }))).toBeUndefined();
    // No ID: the create call's answer was lost, so post must look by name even with cleanup false.
    expect(nothingToCleanUp(from({ [STATE.name]: 'ci-1', [STATE.cleanup]: 'false' }))).toBeUndefined();
  });
});
