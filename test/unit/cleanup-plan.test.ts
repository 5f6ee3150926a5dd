// What post does, from what main left in state (src/steps/post/plan.ts).
import { describe, expect, it } from 'vitest';
import { planCleanup, readPostWork } from '../../src/steps/post/plan.ts';
import { STATE } from '../../src/state/keys.ts';

const base = { id: '', settled: false, keep: false, attempted: true, lookUpByName: false };

describe('planCleanup', () => {
  it('deletes by ID what main recorded', () => {
    expect(planCleanup({ ...base, id: 't1' })).toEqual({ byId: true, byName: false });
  });
  it('looks by name when a create was attempted and no ID recorded (main cancelled mid-create)', () => {
    expect(planCleanup(base)).toEqual({ byId: false, byName: true });
  });
  it('does nothing when main never attempted a create', () => {
    expect(planCleanup({ ...base, attempted: false })).toEqual({ byId: false, byName: false, note: 'nothing-made' });
  });
  it('does nothing when main left nothing alive, unless a create may have been carried out late', () => {
    expect(planCleanup({ ...base, id: 't1', settled: true })).toEqual({ byId: false, byName: false, note: 'settled' });
    expect(planCleanup({ ...base, settled: true })).toEqual({ byId: false, byName: false, note: 'settled' });
    expect(planCleanup({ ...base, settled: true, lookUpByName: true })).toEqual({ byId: false, byName: true });
  });
  it('deletes by ID and looks by name after an ambiguous create that main retried', () => {
    expect(planCleanup({ ...base, id: 't1', lookUpByName: true })).toEqual({ byId: true, byName: true });
  });
  it('keeps the token with cleanup: false, yet still looks for others named ours', () => {
    expect(planCleanup({ ...base, id: 't1', keep: true })).toEqual({ byId: false, byName: false, note: 'kept' });
    expect(planCleanup({ ...base, id: 't1', keep: true, lookUpByName: true })).toEqual({ byId: false, byName: true, note: 'kept' });
  });
});

const from = (state: Partial<Record<(typeof STATE)[keyof typeof STATE], string>>) => (key: string) =>
  state[key as keyof typeof state] ?? '';
const attempted = { [STATE.name]: 'ci-1', [STATE.createAttempted]: 'true' };

describe('readPostWork', () => {
  it('has nothing to do, and says so, when main minted nothing', () => {
    const work = readPostWork(from({}));
    expect(work).toMatchObject({ hasWork: false, message: 'Nothing to clean up: the main step minted no token.' });
    expect(readPostWork(from({ [STATE.name]: 'ci-1' }))).toMatchObject({
      hasWork: false,
      message: 'Nothing to clean up: the main step minted no token.',
    });
  });

  it('has nothing to do when main settled (deleted its token, or the create surely failed)', () => {
    const work = readPostWork(from({ ...attempted, [STATE.id]: 't1', [STATE.settled]: 'true' }));
    expect(work.hasWork).toBe(false);
    expect(work.message).toMatch(/^Nothing to clean up: the main step left no token alive \("ci-1" was deleted/);
  });

  it('leaves a token alive when cleanup is false, and says until when', () => {
    const work = readPostWork(
      from({ ...attempted, [STATE.id]: 't1', [STATE.cleanup]: 'false', [STATE.expiresAt]: '2026-01-01T00:00:00Z' }),
    );
    expect(work).toMatchObject({ hasWork: false, keep: true });
    expect(work.message).toBe('cleanup is false: leaving service token "ci-1" valid until it expires at 2026-01-01T00:00:00Z.');
  });

  it('has work when a token is recorded, when main never learnt whether it created one, or when a sweep was asked', () => {
    expect(readPostWork(from({ ...attempted, [STATE.id]: 't1', [STATE.cleanup]: 'true' }))).toMatchObject({
      hasWork: true,
      byId: true,
      message: undefined,
    });
    // No ID: the create call's answer was lost, so post must look by name even with cleanup false.
    expect(readPostWork(from({ ...attempted, [STATE.cleanup]: 'false' }))).toMatchObject({ hasWork: true, byName: true });
    const sweepOnly = readPostWork(from({ ...attempted, [STATE.id]: 't1', [STATE.settled]: 'true', [STATE.sweep]: 'gha-shop*' }));
    expect(sweepOnly).toMatchObject({ hasWork: true, byId: false, byName: false, sweep: true });
  });
});
