import { describe, expect, it } from 'vitest';
import { parseCredential, replacedByExportEnv } from '../../src/inputs/minting-credential.ts';
import {
  DEFAULT_API_URL,
  MAX_DATABASES,
  parseApiUrl,
  parseBoolean,
  parseDatabaseAccesses,
  parseInputs,
  parseNamePrefix,
  parseOrgAccesses,
  parseTtl,
} from '../../src/inputs/config.ts';
import { UNKNOWN_RUN } from '../../src/runner/run-context.ts';
import { formatInputError, type Parsed } from '../../src/inputs/parsed.ts';

const valid = {
  org: 'acme',
  'minting-token-id': 'mintid123456',
  'minting-token': 'pscale_tkn_mint',
  database: 'app',
  accesses: 'read_branch create_branch',
  ttl: '1h',
  'export-env': 'true',
  cleanup: 'true',
  'sweep-expired': 'false',
  'api-url': DEFAULT_API_URL,
};
const reader = (inputs: Record<string, string>) => (name: string) => (inputs[name] ?? '').trim();

function errorsOf<T>(result: Parsed<T>): string[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map(formatInputError);
}
function valueOf<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(result.errors.map(formatInputError).join('\n'));
  return result.value;
}

describe('parseInputs', () => {
  it('builds a config from valid inputs', () => {
    const config = valueOf(parseInputs(reader({ ...valid, 'org-accesses': 'read_databases' }), {}, UNKNOWN_RUN));
    expect(config).toMatchObject({
      org: 'acme',
      credential: { kind: 'service-token', id: 'mintid123456', token: 'pscale_tkn_mint', source: 'input' },
      requests: [
        { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch'] },
        { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_databases'] },
      ],
      ttlSeconds: 3600,
      exportEnv: true,
      cleanup: true,
      apiUrl: DEFAULT_API_URL,
    });
  });

  it('reports every mistake at once, each naming its input', () => {
    const errors = errorsOf(parseInputs(reader({ ...valid, org: '', ttl: '10', cleanup: 'yes' }), {}, UNKNOWN_RUN));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Input "org": is empty/);
    expect(errors.some((e) => e.startsWith('Input "ttl": "10" is too short'))).toBe(true);
    expect(errors.some((e) => e.startsWith('Input "cleanup": "yes" is not a boolean'))).toBe(true);
  });

  it('refuses a token with nothing to grant', () => {
    const errors = errorsOf(parseInputs(reader({ ...valid, accesses: '', database: 'app' }), {}, UNKNOWN_RUN));
    expect(errors).toEqual([expect.stringMatching(/^Input "accesses": nothing to grant/)]);
  });

  it('builds the default name prefix from the workflow run', () => {
    const config = valueOf(
      parseInputs(reader(valid), {}, { ...UNKNOWN_RUN, repository: 'acme/shop', runId: '9876543210', runAttempt: '1', job: 'migrate' }),
    );
    expect(config.namePrefix).toBe('gha-shop-9876543210-1-migrate');
  });
});

describe('parseCredential', () => {
  it('takes the minting-token inputs', () => {
    expect(valueOf(parseCredential(reader(valid), {}))).toEqual({
      kind: 'service-token',
      id: 'mintid123456',
      token: 'pscale_tkn_mint',
      source: 'input',
    });
  });

  it("falls back to pscale's env variables when both inputs are empty", () => {
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: 'envid', PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_env' };
    expect(valueOf(parseCredential(reader({}), env))).toEqual({
      kind: 'service-token',
      id: 'envid',
      token: 'pscale_tkn_env',
      source: 'env',
    });
  });

  it('prefers the inputs over env', () => {
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: 'envid', PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_env' };
    expect(valueOf(parseCredential(reader(valid), env))).toMatchObject({ id: 'mintid123456', source: 'input' });
  });

  it('takes an api-token', () => {
    expect(valueOf(parseCredential(reader({ 'api-token': 'oauth-abc' }), {}))).toEqual({
      kind: 'api-token',
      token: 'oauth-abc',
      source: 'input',
    });
  });

  it('refuses both kinds of credential', () => {
    expect(errorsOf(parseCredential(reader({ ...valid, 'api-token': 'oauth-abc' }), {}))).toEqual([
      expect.stringMatching(/^Input "api-token": is set together with minting-token-id\/minting-token/),
    ]);
  });

  it('refuses half a service token', () => {
    expect(errorsOf(parseCredential(reader({ 'minting-token-id': 'x' }), {}))).toEqual([
      expect.stringMatching(/^Input "minting-token": is empty while minting-token-id is set/),
    ]);
    expect(errorsOf(parseCredential(reader({}), { PLANETSCALE_SERVICE_TOKEN: 'x' }))).toEqual([
      expect.stringMatching(/^Input "PLANETSCALE_SERVICE_TOKEN_ID": is empty/),
    ]);
  });

  it('explains a missing credential, mentioning forks and Dependabot', () => {
    const [message] = errorsOf(parseCredential(reader({}), {}));
    expect(message).toMatch(/no minting token/);
    expect(message).toMatch(/forks/);
    expect(message).toMatch(/Dependabot/);
  });

  it('refuses a credential with a line break without quoting it', () => {
    const errors = errorsOf(parseCredential(reader({ 'minting-token-id': 'id', 'minting-token': 'pscale_tkn_a\nb' }), {}));
    expect(errors).toEqual([expect.stringMatching(/^Input "minting-token": contains a line break/)]);
    expect(errors.join()).not.toContain('pscale_tkn_a');
  });

  it('refuses a credential with spaces or non-ASCII', () => {
    expect(errorsOf(parseCredential(reader({ 'api-token': 'a b' }), {}))).toEqual([expect.stringMatching(/contains spaces/)]);
    expect(errorsOf(parseCredential(reader({ 'api-token': 'tökén' }), {}))).toEqual([expect.stringMatching(/non-ASCII/)]);
  });
});

describe('replacedByExportEnv: when main keeps a sealed copy for post', () => {
  const pair = { kind: 'service-token' as const, id: 'mintid123456', token: 'pscale_tkn_mint' };
  it('a credential from env: export-env replaces it', () => {
    expect(replacedByExportEnv({ ...pair, source: 'env' }, {})).toBe(true);
  });
  it('inputs holding what env holds (`${{ env.… }}`), evaluated again for post: replaced too', () => {
    expect(replacedByExportEnv({ ...pair, source: 'input' }, { PLANETSCALE_SERVICE_TOKEN: ' pscale_tkn_mint ' })).toBe(true);
    expect(replacedByExportEnv({ ...pair, source: 'input' }, { PLANETSCALE_SERVICE_TOKEN_ID: 'mintid123456' })).toBe(true);
  });
  it('inputs from secrets, which no step can change: not replaced, so nothing is sealed', () => {
    expect(replacedByExportEnv({ ...pair, source: 'input' }, {})).toBe(false);
    expect(
      replacedByExportEnv({ ...pair, source: 'input' }, { PLANETSCALE_SERVICE_TOKEN_ID: 'other', PLANETSCALE_SERVICE_TOKEN: '' }),
    ).toBe(false);
    expect(replacedByExportEnv({ kind: 'api-token', token: 'oauth', source: 'input' }, { PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_x' })).toBe(
      false,
    );
  });
});

describe('parseDatabaseAccesses', () => {
  it('applies bare items to the database input, split by commas, spaces and newlines', () => {
    expect(valueOf(parseDatabaseAccesses('read_branch, create_branch\ncreate_deploy_request', 'app'))).toEqual([
      { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch', 'create_deploy_request'] },
    ]);
  });

  it('grants "DB:" lines on DB, merging repeated databases and accesses', () => {
    const text = 'app: read_branch, create_branch\r\nanalytics: connect_branch,\n\tapp:read_branch read_deploy_request\n';
    expect(valueOf(parseDatabaseAccesses(text, ''))).toEqual([
      { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch', 'read_deploy_request'] },
      { resourceType: 'Database', resourceName: 'analytics', accesses: ['connect_branch'] },
    ]);
  });

  it('mixes bare items and DB lines', () => {
    expect(valueOf(parseDatabaseAccesses('read_branch\nlogs: read_branch', 'app')).map((r) => r.resourceName)).toEqual(['app', 'logs']);
  });

  it('refuses a DB line without accesses', () => {
    expect(errorsOf(parseDatabaseAccesses('app:', ''))).toEqual([
      expect.stringMatching(/line "app:" names database "app" but no accesses/),
    ]);
  });

  it('refuses bare items without a database', () => {
    expect(errorsOf(parseDatabaseAccesses('read_branch create_branch', ''))).toEqual([
      expect.stringMatching(/"read_branch" has no database: set the database input/),
    ]);
  });

  it('points an organization access to org-accesses', () => {
    expect(errorsOf(parseDatabaseAccesses('read_databases', 'app'))).toEqual([
      expect.stringMatching(/"read_databases" is an organization-level access: list it in org-accesses/),
    ]);
  });

  it('suggests the nearest name for a typo', () => {
    expect(errorsOf(parseDatabaseAccesses('creat_branch', 'app'))).toEqual([expect.stringMatching(/did you mean "create_branch"\?$/)]);
    expect(errorsOf(parseDatabaseAccesses('zzzzzzzz', 'app'))).toEqual([
      expect.stringMatching(/is not a PlanetScale database-level access\.$/),
    ]);
  });

  it('refuses a DB prefix in the middle of a line and a bad database name', () => {
    expect(errorsOf(parseDatabaseAccesses('read_branch app:create_branch', 'app'))).toEqual([
      expect.stringMatching(/must start its own line/),
    ]);
    expect(errorsOf(parseDatabaseAccesses('../x: read_branch', ''))).toEqual([expect.stringMatching(/is not a PlanetScale name/)]);
  });
});

describe('the number of databases', () => {
  const dbLines = (n: number) => Array.from({ length: n }, (_, i) => `db${i}: read_branch`).join('\n');
  it('takes 100', () => {
    expect(valueOf(parseDatabaseAccesses(dbLines(MAX_DATABASES), ''))).toHaveLength(100);
  });
  it('refuses 5,000 DB lines with one error that says the limit and what to do', () => {
    expect(errorsOf(parseDatabaseAccesses(dbLines(5000), ''))).toEqual([
      expect.stringMatching(
        /^Input "accesses": names 5000 databases; one run grants on at most 100: .*rate limit.*Split the databases across jobs/,
      ),
    ]);
    expect(errorsOf(parseDatabaseAccesses(dbLines(101), ''))).toEqual([expect.stringMatching(/names 101 databases/)]);
  });
});

describe('parseOrgAccesses', () => {
  it('takes organization accesses, deduplicated', () => {
    expect(valueOf(parseOrgAccesses('read_databases, read_databases\ncreate_databases,'))).toEqual(['read_databases', 'create_databases']);
  });
  it('points a database access to accesses', () => {
    expect(errorsOf(parseOrgAccesses('read_branch'))).toEqual([
      expect.stringMatching(/"read_branch" is a database-level access: list it in accesses/),
    ]);
  });
  it('refuses a DB prefix', () => {
    expect(errorsOf(parseOrgAccesses('app: read_databases'))).toEqual([
      expect.stringMatching(/org-accesses takes organization-level accesses only/),
    ]);
  });
  it.each(['write_service_tokens', 'delete_service_tokens', 'write_oauth_tokens', 'delete_oauth_tokens'])(
    'refuses %s, which manages credentials, saying why',
    (access) => {
      const errors = errorsOf(parseOrgAccesses(`read_databases, ${access}`));
      expect(errors).toEqual([
        expect.stringMatching(
          new RegExp(`^Input "org-accesses": "${access}" manages credentials, so this action never grants it: .*outlives every TTL`),
        ),
      ]);
      // In accesses too, the reason is the refusal, not the level.
      expect(errorsOf(parseDatabaseAccesses(`app: read_branch, ${access}`, ''))).toEqual([
        expect.stringMatching(new RegExp(`^Input "accesses": "${access}" manages credentials`)),
      ]);
    },
  );
  it('still grants reading service tokens, and never suggests a refused access for a typo', () => {
    expect(valueOf(parseOrgAccesses('read_service_tokens'))).toEqual(['read_service_tokens']);
    expect(errorsOf(parseOrgAccesses('write_service_token'))).toEqual([expect.not.stringMatching(/did you mean "write_service_tokens"/)]);
  });
});

describe('parseTtl', () => {
  it.each(
    [
      ['900', 900],
      ['60', 60],
      ['15m', 900],
      ['2h', 7200],
      ['7d', 604800],
      ['1H', 3600],
      ['30 s', 30],
    ].filter(([, s]) => (s as number) >= 60),
  )('%s is %i seconds', (text, seconds) => {
    expect(valueOf(parseTtl(text as string))).toBe(seconds);
  });
  it.each(['59', '0', '30s', '8d', '604801', '1.5h', '-5m', 'h', '', '1w', '99999999999'])('refuses %j', (text) => {
    expect(errorsOf(parseTtl(text))[0]).toMatch(/^Input "ttl": .*use whole seconds \("900"\) or a number with unit s, m, h or d/);
  });
});

describe('parseNamePrefix', () => {
  it('normalises the name input to lowercase letters, digits and "-"', () => {
    expect(valueOf(parseNamePrefix('  My CI_Token!! ', UNKNOWN_RUN))).toBe('my-ci-token');
  });
  it('keeps room for the suffix within 63 characters', () => {
    expect(valueOf(parseNamePrefix('x'.repeat(100), UNKNOWN_RUN)).length).toBe(56);
  });
  it('refuses a name with nothing usable', () => {
    expect(errorsOf(parseNamePrefix('!!!', UNKNOWN_RUN))).toEqual([expect.stringMatching(/^Input "name": "!!!" has no letters or digits/)]);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s', (text, value) => {
    expect(valueOf(parseBoolean('cleanup', text))).toBe(value);
  });
  it.each(['yes', '1', '', 'tRuE'])('refuses %j', (text) => {
    expect(errorsOf(parseBoolean('cleanup', text))).toEqual([
      expect.stringMatching(/^Input "cleanup": .* is not a boolean: use true or false\./),
    ]);
  });
});

describe('parseApiUrl', () => {
  it.each([
    ['', DEFAULT_API_URL],
    ['https://api.planetscale.com/', DEFAULT_API_URL],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/base/', 'http://localhost:3000/base'],
    ['https://ps.example.com/prefix', 'https://ps.example.com/prefix'],
  ])('%j becomes %j', (text, url) => {
    expect(valueOf(parseApiUrl(text))).toBe(url);
  });
  it.each(['http://api.planetscale.com', 'ftp://x', 'not a url', 'https://x/?a=1', 'http://10.0.0.1'])('refuses %j', (text) => {
    expect(errorsOf(parseApiUrl(text))[0]).toMatch(/^Input "api-url": /);
  });
  it('refuses user info without echoing it', () => {
    const [message] = errorsOf(parseApiUrl('https://user:hunter2@api.planetscale.com'));
    expect(message).toMatch(/user name or password/);
    expect(message).not.toContain('hunter2');
  });
});

describe('org from env', () => {
  it('an empty org input falls back to env PLANETSCALE_ORG, as pscale does', () => {
    const config = valueOf(parseInputs(reader({ ...valid, org: '' }), { PLANETSCALE_ORG: ' acme ' }, UNKNOWN_RUN));
    expect(config.org).toBe('acme');
    expect(valueOf(parseInputs(reader({ ...valid, org: 'other' }), { PLANETSCALE_ORG: 'acme' }, UNKNOWN_RUN)).org).toBe('other');
    expect(errorsOf(parseInputs(reader({ ...valid, org: '' }), {}, UNKNOWN_RUN))).toEqual([
      'Input "org": is empty, and so is env PLANETSCALE_ORG: give the PlanetScale organization name, e.g. "acme".',
    ]);
  });
  it('takes no org from env that an earlier use of the action exported; an org input still counts', () => {
    const exported = { PLANETSCALE_ORG: 'acme' };
    const origin = { envFromEarlierUse: true };
    expect(errorsOf(parseInputs(reader({ ...valid, org: '' }), exported, UNKNOWN_RUN, origin))).toEqual([
      'Input "org": is empty, and env PLANETSCALE_ORG ("acme") is what an earlier use of this action in this job exported for the steps after it, ' +
        'not a setting of this step: give org on this step too, e.g. "org: acme" if that is the organization meant.',
    ]);
    expect(valueOf(parseInputs(reader({ ...valid, org: 'shop' }), exported, UNKNOWN_RUN, origin)).org).toBe('shop');
    // With nothing in env, the usual message.
    expect(errorsOf(parseInputs(reader({ ...valid, org: '' }), {}, UNKNOWN_RUN, origin))[0]).toMatch(/and so is env PLANETSCALE_ORG/);
  });
});
