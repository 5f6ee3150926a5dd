// fast-check generators for hostile workflow input, shared by the in-process property tests and
// the runs of the built action: arbitrary unicode, control characters, the characters that carry
// structure (path, query, separators, workflow commands), huge values, and known attacks.

import fc from 'fast-check';
import { DATABASE_ACCESSES, ORGANIZATION_ACCESSES } from '../../src/inputs/accesses.ts';

/** Characters that mean something to a URL, a header, a list input or the runner's log. */
const STRUCTURAL = [
  '/',
  '\\',
  '?',
  '#',
  '%',
  '.',
  '..',
  ':',
  '::',
  ',',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ufeff',
  '##[',
  '%2F',
  '%2e',
  '@',
  '=',
  '"',
  "'",
  '`',
  '$',
  '{',
  '}',
  '*',
];

/** Values that have broken tools before: path traversal, encoded separators, commands, header splits. */
export const ATTACKS = [
  '../../x',
  '..',
  '.',
  'a/b',
  'a?b',
  'a#b',
  'a%2Fb',
  'a%2e%2e',
  '%2e%2e',
  'a b',
  'x\n::add-path::/tmp',
  'x\r::add-path::/tmp',
  'x\r\n::set-env name=NODE_OPTIONS::--require=/tmp/x',
  '::stop-commands::x',
  '##[add-path]/tmp',
  '\u0085::add-path::/tmp',
  'a\u0000b',
  'Ａｃｍｅ',
  'acme\u200b',
  'pscale_tkn_abc\r\nX-Injected: 1',
];

/** Anything: full unicode (lone surrogates included), structure-heavy text, huge text, attacks. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.oneof(fc.constantFrom(...STRUCTURAL), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 })),
    maxLength: 12,
  }),
  fc.string({ unit: 'grapheme-ascii', minLength: 2_000, maxLength: 20_000 }),
  fc.constantFrom(...ATTACKS),
);

const separator = fc.constantFrom(',', ', ', ' ', '\t', '\n', '\r\n', ' ,\r\n', ',,', ',\t');

/** A list input written the way people write them: any separators, CRLF, repeats, trailing commas. */
export function messyList(items: readonly string[]): fc.Arbitrary<{ text: string; items: string[] }> {
  return fc.array(fc.constantFrom(...items), { minLength: 1, maxLength: 6 }).chain((picked) =>
    fc
      .tuple(fc.array(separator, { minLength: picked.length + 1, maxLength: picked.length + 1 }), fc.constantFrom('', ' ', '\t', '\r\n'))
      .map(([seps, pad]) => ({
        text: pad + picked.map((item, i) => seps[i] + item).join('') + seps[picked.length] + pad,
        items: [...new Set(picked)],
      })),
  );
}

/** One input's value: mostly plausible, often hostile. */
const value = (plausible: fc.Arbitrary<string>) => fc.oneof({ arbitrary: plausible, weight: 2 }, { arbitrary: hostileString, weight: 3 });

/** Plausible values for each input (credentials as placeholders 'mintid123456' / 'pscale_tkn_minting'). */
function plausible(apiUrl: fc.Arbitrary<string>): Record<string, fc.Arbitrary<string>> {
  return {
    org: fc.constantFrom('acme', 'Acme_2', 'a.b-c'),
    'minting-token-id': fc.constant('mintid123456'),
    'minting-token': fc.constant('pscale_tkn_minting'),
    'api-token': fc.constant(''),
    database: fc.constantFrom('app', 'analytics'),
    accesses: fc.oneof(
      messyList(['read_branch', 'create_branch']).map((l) => l.text),
      messyList(DATABASE_ACCESSES).map((l) => l.text),
    ),
    'org-accesses': fc.oneof(
      fc.constant(''),
      messyList(ORGANIZATION_ACCESSES).map((l) => l.text),
    ),
    ttl: fc.constantFrom('1h', '900', '15m', '7d', ' 2 h '),
    name: fc.constantFrom('', 'Nightly Job', 'ci-migrate'),
    'export-env': fc.constantFrom('true', 'false', 'TRUE'),
    cleanup: fc.constantFrom('true', 'False'),
    'sweep-expired': fc.constantFrom('false', 'true'),
    'api-url': apiUrl,
    branch: fc.constantFrom('', '', 'main', 'pr-42'),
    role: fc.constantFrom('', 'admin', 'reader', 'postgres', 'pg_read_all_data pg_write_all_data'),
    cidrs: fc.constantFrom('', '203.0.113.0/24', '2001:db8::/32, 198.51.100.7'),
    'database-url-env': fc.constantFrom('DATABASE_URL', '', 'MIGRATE_URL'),
  };
}

/**
 * The action's inputs: every one of them possibly hostile; or plausible but for one hostile input;
 * or all plausible, messy lists included (so that runs also get past validation and reach the API).
 */
export function hostileInputs(apiUrl: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  const each = plausible(apiUrl);
  const allHostile = fc.record(
    Object.fromEntries(
      Object.entries(each).map(([name, arb]) => [
        name,
        name === 'api-token' ? fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: hostileString, weight: 1 }) : value(arb),
      ]),
    ),
  );
  const oneHostile = fc
    .tuple(fc.record(each), fc.constantFrom(...Object.keys(each)), hostileString)
    .map(([values, name, hostile]) => ({ ...values, [name]: hostile }));
  return fc.oneof({ arbitrary: allHostile, weight: 2 }, { arbitrary: oneHostile, weight: 2 }, { arbitrary: fc.record(each), weight: 1 });
}

/** The inputs the action declares, and the env variables a credential can come from. */
export const INPUT_NAMES = [
  'org',
  'minting-token-id',
  'minting-token',
  'api-token',
  'database',
  'accesses',
  'org-accesses',
  'ttl',
  'name',
  'export-env',
  'cleanup',
  'sweep-expired',
  'api-url',
  'branch',
  'role',
  'cidrs',
  'database-url-env',
];
export const CREDENTIAL_ENV = ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN'];
