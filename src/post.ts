// Entry point of the post step (runs.post). See cleanup.ts.
//
// Many posts have nothing to do (main failed validation, already deleted its token, or cleanup
// is false). Those are decided from state alone; cleanup.ts, with the API client and node:crypto,
// is imported only when there is a token to delete, so every other job skips loading it (ncc
// emits it as a chunk next to index.js).
import { nothingToCleanUp } from './nothing-to-clean.js';
import { error, getState, info } from './runner.js';

async function post(): Promise<number> {
  const nothing = nothingToCleanUp(getState);
  if (nothing) {
    info(nothing);
    return 0;
  }
  const { cleanup } = await import('./cleanup.js');
  return cleanup();
}

process.exitCode = await post().catch((e: unknown) => {
  error(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
});
