// What the post step must do, read from main's state alone. Apart from cleanup.ts so that a post
// with nothing to do (main minted nothing, already deleted its token, or was told not to clean
// up, and no sweep) loads neither the API client nor node:crypto: see post.ts.

import { STATE } from '../../state/keys.js';
import { show } from '../../report/text.js';
import { decodeCredentialTarget } from '../../credentials/state.js';
import { describeCredential, type CredentialTarget } from '../../credentials/target.js';

export interface CleanupPlan {
  /** Delete the token main recorded, by its ID. */
  byId: boolean;
  /** Look for tokens with our name: main could not account for every create call. */
  byName: boolean;
  /** What to tell the user when there is less to do than usual. */
  note?: 'settled' | 'kept' | 'nothing-made';
}

/** What post must do, from what main recorded in state. Pure. */
export function planCleanup(state: {
  id: string;
  settled: boolean;
  keep: boolean;
  attempted: boolean;
  lookUpByName: boolean;
}): CleanupPlan {
  const { id, settled, keep, attempted, lookUpByName } = state;
  const byId = Boolean(id) && !settled && !keep;
  // A create call still in flight when main looked may have been carried out since: look again.
  const byName = attempted && (lookUpByName || (!id && !settled));
  const note = settled && !byName ? 'settled' : keep ? 'kept' : !attempted ? 'nothing-made' : undefined;
  return note ? { byId, byName, note } : { byId, byName };
}

export interface PostWork extends CleanupPlan {
  /** The token's full name; "" when main got no further than validation. */
  name: string;
  id: string;
  /** When the token expires, or words for it when main never learnt. */
  expiresAt: string;
  /** cleanup is false: the token main recorded stays alive until it expires. */
  keep: boolean;
  /** Whether sweep-expired asked for a sweep. */
  sweep: boolean;
  /** The line to log about what post will not do, if anything. */
  message?: string;
  /** Whether post has any call to make: when false, it loads nothing more. */
  hasWork: boolean;
  /** Main exported env: post puts back what was there before (restore-env.ts). */
  restoreEnv: boolean;
  /** The database credential to delete (by ID when known, and by name), before the token. */
  credential?: { target: CredentialTarget; id: string };
  /** The line to log about the credential, when post leaves it alone. */
  credentialMessage?: string;
}

/** The credential post must delete, or why not, from main's state. */
function credentialWork(getState: (key: string) => string): Pick<PostWork, 'credential' | 'credentialMessage'> {
  const target = decodeCredentialTarget(getState(STATE.credential));
  if (!target) return {};
  const id = getState(STATE.credentialId);
  if (getState(STATE.credentialSettled) === 'true') return {};
  if (id && getState(STATE.cleanup) === 'false') {
    return { credentialMessage: `cleanup is false: leaving ${describeCredential(target)} valid until its TTL ends.` };
  }
  return { credential: { target, id } };
}

const NOTHING_MINTED = 'Nothing to clean up: the main step minted no token.';

/** Post's work from main's state (`getState` reads STATE_* as the runner passes them). */
export function readPostWork(getState: (key: string) => string): PostWork {
  const name = getState(STATE.name);
  const id = getState(STATE.id);
  const expiresAt = getState(STATE.expiresAt) || 'the end of its TTL';
  const credential = credentialWork(getState);
  if (!name) {
    // No token was minted: a credential alone, or nothing at all.
    const sweep = Boolean(credential.credential) && getState(STATE.sweep) !== '';
    const nothing = credential.credential ? {} : { message: credential.credentialMessage ?? NOTHING_MINTED };
    return {
      name,
      id,
      expiresAt,
      keep: false,
      byId: false,
      byName: false,
      sweep,
      hasWork: Boolean(credential.credential),
      restoreEnv: false,
      ...credential,
      ...nothing,
    };
  }
  // STATE.cleanup is written only once the token was handed over (steps/main/hand-over.ts).
  const keep = Boolean(id) && getState(STATE.cleanup) === 'false';
  const plan = planCleanup({
    id,
    keep,
    settled: getState(STATE.settled) === 'true',
    attempted: getState(STATE.createAttempted) === 'true',
    lookUpByName: getState(STATE.lookUpByName) === 'true',
  });
  const sweep = getState(STATE.sweep) !== '';
  const message =
    plan.note === 'settled'
      ? `Nothing to clean up: the main step left no token alive (${show(name)} was deleted or never created).`
      : plan.note === 'kept'
        ? `cleanup is false: leaving service token ${show(name)} valid until it expires at ${expiresAt}.`
        : plan.note === 'nothing-made'
          ? NOTHING_MINTED
          : undefined;
  return {
    ...plan,
    name,
    id,
    expiresAt,
    keep,
    sweep,
    message,
    hasWork: plan.byId || plan.byName || sweep || Boolean(credential.credential),
    restoreEnv: getState(STATE.envBefore) !== '',
    ...credential,
  };
}
