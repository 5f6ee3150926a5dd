// The inputs action.yml declares, with their defaults, in one place for the code. The runner
// applies a default only when the workflow omits the input: `ttl: ${{ vars.TTL }}` with the
// variable unset reaches the action as INPUT_TTL='' and the default is not applied, so the parser
// applies it itself. test/unit/action-inputs.test.ts keeps this table equal to action.yml.

import type { InputError, ReadInput } from './parsed.js';
import { nearest } from './nearest.js';
import { show } from '../report/text.js';

/** Every declared input, and its default ('' when it has none), as in action.yml. */
export const ACTION_INPUTS: Readonly<Record<string, string>> = {
  org: '',
  'minting-token-id': '',
  'minting-token': '',
  'api-token': '',
  database: '',
  accesses: '',
  'org-accesses': '',
  ttl: '1h',
  name: '',
  'export-env': 'true',
  cleanup: 'true',
  'sweep-expired': 'false',
  'api-url': 'https://api.planetscale.com',
  branch: '',
  role: '',
  cidrs: '',
  'database-url-env': 'DATABASE_URL',
};

/** `read`, with an empty value of an input that has a default taken as that default. */
export function withDefaults(read: ReadInput): ReadInput {
  return (name) => read(name) || (ACTION_INPUTS[name] ?? '');
}

/**
 * Inputs that had another name before the first release. The old names are what the minted
 * token's outputs are called, so a workflow still giving them would mint with nothing: it is
 * told the new name instead.
 */
export const RENAMED_INPUTS: Readonly<Record<string, string>> = {
  'service-token-id': 'minting-token-id',
  'service-token': 'minting-token',
};

function renamedMessage(given: string, renamed: string): string {
  return (
    `this action has no input ${show(given)}: the minting token is given as ${show(renamed)} ` +
    '(minting-token-id and minting-token; the outputs service-token-id and service-token are the minted token). ' +
    `Its value was not used: rename it to ${show(renamed)} in the workflow's \`with:\`.`
  );
}

/** The env variable the runner passes an input in: INPUT_<NAME>, spaces to `_`, upper-cased, hyphens kept. */
const envName = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;

/**
 * The names of the INPUT_* variables in `env` that action.yml does not declare, lower-cased, in
 * order. The one place the action reads inputs from the environment itself, not through
 * @actions/core: core.getInput reads an input it is given the name of, and core has no call that
 * lists the inputs a step was given.
 */
function undeclaredInputs(env: NodeJS.ProcessEnv): string[] {
  const declared = new Set(Object.keys(ACTION_INPUTS).map(envName));
  return Object.keys(env)
    .sort()
    .filter((variable) => variable.startsWith('INPUT_') && !declared.has(variable.toUpperCase()))
    .map((variable) => variable.slice('INPUT_'.length).toLowerCase());
}

/**
 * INPUT_* variables action.yml does not declare, that are a near miss of one it does (`tll` for
 * `ttl`, `minting_token_id` for `minting-token-id`). These are errors, not warnings: the runner
 * already warns about every unknown name, and that warning is easy to miss while the step stays
 * green with the setting silently at its default (a 1 h token instead of 5 m). A name close to
 * none of ours is left to the runner's warning: it may be meant for something else (a wrapper
 * passing inputs through, a job env that happens to start with INPUT_).
 */
export function mistypedInputs(env: NodeJS.ProcessEnv): InputError[] {
  const errors: InputError[] = [];
  for (const given of undeclaredInputs(env)) {
    const renamed = RENAMED_INPUTS[given.replace(/_/g, '-')];
    if (renamed) {
      errors.push({ input: given, message: renamedMessage(given, renamed) });
      continue;
    }
    // Compared as written in the workflow: `_` and `-` are both one edit apart, like any typo.
    const meant = nearest(given, Object.keys(ACTION_INPUTS));
    if (!meant) continue;
    errors.push({
      input: given,
      message: `this action has no input ${show(given)}; did you mean ${show(meant)}? Its value was not used (and ${show(meant)} would have been left at ${
        ACTION_INPUTS[meant] ? `its default ${show(ACTION_INPUTS[meant])}` : 'empty'
      }): rename it in the workflow's \`with:\`.`,
    });
  }
  return errors;
}
