// Whether the post step has anything to do, read from main's state alone. Apart from cleanup.ts
// so that a post with nothing to do (main minted nothing, already deleted its token, or was told
// not to clean up) loads neither the API client nor node:crypto: see post.ts.

import { STATE } from './state-keys.js';
import { show } from './text.js';

/** The line to log when post has nothing to delete; undefined when there is a token to delete or look for. */
export function nothingToCleanUp(getState: (name: string) => string): string | undefined {
  const name = getState(STATE.name);
  if (!name) return 'Nothing to clean up: the main step minted no token.';
  if (getState(STATE.settled) === 'true') {
    return `Nothing to clean up: the main step left no token alive (${show(name)} was deleted or never created).`;
  }
  if (getState(STATE.id) && getState(STATE.cleanup) === 'false') {
    const expiresAt = getState(STATE.expiresAt) || 'the end of its TTL';
    return `cleanup is false: leaving service token ${show(name)} valid until it expires at ${expiresAt}.`;
  }
  return undefined;
}
