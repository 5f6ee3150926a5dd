// Entry point of the main step (runs.main). See mint.ts.
import { mint } from './mint.js';
import { error } from './runner.js';

process.exitCode = await mint().catch((e: unknown) => {
  error(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
});
