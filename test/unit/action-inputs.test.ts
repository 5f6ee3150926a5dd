import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS, mistypedInputs, withDefaults } from '../../src/inputs/action-inputs.ts';

const manifest = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string | number | boolean }>;
};

describe('ACTION_INPUTS', () => {
  it('declares exactly the inputs of action.yml, with its defaults', () => {
    const fromYaml = Object.fromEntries(
      Object.entries(manifest.inputs).map(([name, input]) => [name, input.default === undefined ? '' : String(input.default)]),
    );
    expect(ACTION_INPUTS).toEqual(fromYaml);
  });
});

describe('withDefaults', () => {
  const read = withDefaults((name) => ({ ttl: '', cleanup: 'false', org: '' })[name] ?? '');
  it('takes an empty value of an input with a default as that default', () => {
    expect(read('ttl')).toBe('1h');
    expect(read('export-env')).toBe('true');
  });
  it('keeps a given value, and an empty one where there is no default', () => {
    expect(read('cleanup')).toBe('false');
    expect(read('org')).toBe('');
  });
});

describe('mistypedInputs', () => {
  it('names a near miss of a declared input, and the input it was likely meant for', () => {
    const errors = mistypedInputs({ INPUT_TLL: '5m', INPUT_TTL: '1h', INPUT_MINTING_TOKEN_ID: 'x' });
    expect(errors.map((e) => e.input)).toEqual(['minting_token_id', 'tll']);
    expect(errors[1]!.message).toContain('did you mean "ttl"?');
    expect(errors[1]!.message).toContain('its default "1h"');
    expect(errors[0]!.message).toContain('did you mean "minting-token-id"?');
  });
  it('names the new input for each renamed one, given empty or not, with - or _', () => {
    const errors = mistypedInputs({
      'INPUT_SERVICE-TOKEN-ID': '',
      'INPUT_SERVICE-TOKEN': 'pscale_tkn_secret',
      INPUT_SERVICE_TOKEN_ID: 'x',
    });
    expect(errors.map((e) => e.input)).toEqual(['service-token', 'service-token-id', 'service_token_id']);
    expect(errors[0]!.message).toMatch(
      /^this action has no input "service-token": the minting token is given as "minting-token" \(.*the outputs service-token-id and service-token are the minted token\)\. Its value was not used: rename it to "minting-token"/,
    );
    expect(errors[1]!.message).toContain('rename it to "minting-token-id"');
    expect(errors[2]!.message).toContain('rename it to "minting-token-id"');
    // The value is a secret: never quoted.
    for (const e of errors) expect(e.message).not.toContain('pscale_tkn_secret');
  });
  it('leaves declared inputs (any case) and names close to none of ours alone', () => {
    expect(mistypedInputs({ 'INPUT_MINTING-TOKEN-ID': 'x', INPUT_ttl: '5m', INPUT_WORKING_DIRECTORY: '.', PATH: '/bin' })).toEqual([]);
  });
});
