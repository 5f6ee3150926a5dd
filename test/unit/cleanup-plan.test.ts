// What post does, from what main left in state (src/cleanup.ts planCleanup).
import { describe, expect, it } from 'vitest';
import { planCleanup } from '../../src/cleanup.ts';

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
