// Entry point of the post step (runs.post). See cleanup.ts.
import { cleanup } from './cleanup.js';
import { error } from './runner.js';

process.exitCode = await cleanup().catch((e: unknown) => {
  error(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
});
