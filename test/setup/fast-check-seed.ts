// Property tests replay in CI: with FC_SEED set, or CI set (GitHub sets CI=true), every fc.assert
// starts from one fixed seed. fast-check prints the seed and the counterexample's path in every
// failure, so `FC_SEED=<seed> npx vitest run <file>` replays it. Locally, without either, each run
// explores new cases.
import fc from 'fast-check';

const CI_SEED = 16_016;

export function chosenSeed(env: NodeJS.ProcessEnv): number | undefined {
  const given = env['FC_SEED'];
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
    return seed;
  }
  return env['CI'] ? CI_SEED : undefined;
}

const seed = chosenSeed(process.env);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
