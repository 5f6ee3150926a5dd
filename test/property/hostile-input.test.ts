// Hostile input, in process and property-based (fast-check): whatever the workflow passes, and
// whatever the API answers, the action either refuses it cleanly before any request, or sends
// only well-formed requests to /v1/organizations/<one encoded segment>/…; and nothing it prints
// can issue a workflow command. The same properties run through the built action, a bounded
// number of times, in test/e2e/injection.test.ts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES, ORGANIZATION_ACCESSES, levelOf } from '../../src/inputs/accesses.ts';
import { parseInputs, type Config } from '../../src/inputs/config.ts';
import { UNKNOWN_RUN } from '../../src/runner/run-context.ts';
import { formatInputError } from '../../src/inputs/parsed.ts';
import { PlanetScaleClient, organizationPath, type Credential } from '../../src/planetscale/client.ts';
import { stepDispatcher, type StepDispatcher } from '../../src/planetscale/dispatcher.ts';
import { redact } from '../../src/planetscale/errors.ts';
import { createServiceToken, deleteServiceToken, findServiceTokensNamed, grantAccesses } from '../../src/planetscale/service-tokens.ts';
import { isServiceTokenId } from '../../src/planetscale/token-id.ts';
import * as core from '@actions/core';
import * as log from '../../src/runner/log.ts';
import { json, loopback, type Loopback } from '../e2e/loopback.ts';
import { LineSplitter } from '../harness/runner.ts';
import { REGISTERED_COMMANDS, dotnetTrimStart, parseCommandLine, type WorkflowCommand } from '../harness/workflow-commands.ts';
import { CREDENTIAL_ENV, INPUT_NAMES, hostileInputs, hostileString, messyList } from './arbitraries.ts';

/** fast-check runs per property; the report in the closing note sums these. */
export const RUNS = { inputs: 500, blob: 100, normalised: 300, paths: 500, client: 150, commands: 500, redact: 500 };

const LOOPBACK_URL = fc.constantFrom('http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9/base/');
const apiUrl = fc.oneof(
  fc.constantFrom('', 'https://api.planetscale.com', 'https://api.planetscale.com/', 'https://proxy.internal/ps'),
  LOOPBACK_URL,
  fc.constantFrom(
    'http://api.planetscale.com',
    'http://10.0.0.1',
    'http://127.0.0.1.nip.io',
    'https://u:p@api.planetscale.com',
    'ftp://x',
    'javascript:alert(1)',
    'https://x/?q',
    'file:///etc/passwd',
    '//api.planetscale.com',
  ),
);

/** As the runner's getInput reads an input: trimmed (core.getInput). */
const reader = (values: Record<string, string>) => (name: string) => (values[name] ?? DEFAULTS[name] ?? '').trim();
/** action.yml's defaults, which the runner passes for inputs a workflow leaves out. */
const DECLARED = (
  parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, { default?: string }> }
).inputs;
const DEFAULTS: Record<string, string> = Object.fromEntries(
  Object.entries(DECLARED).flatMap(([name, input]) => (input.default === undefined ? [] : [[name, String(input.default)]])),
);

const SOME_DATABASE_ACCESSES = DATABASE_ACCESSES.slice(0, 8);
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** What an accepted configuration must look like, whatever went in. */
function wellFormed(config: Config): void {
  expect(config.org).toMatch(NAME);
  const databases = config.requests.filter((r) => r.resourceType === 'Database').map((r) => r.resourceName);
  expect(new Set(databases).size).toBe(databases.length);
  for (const request of config.requests) {
    expect(request.resourceName).toMatch(NAME);
    expect(request.accesses.length).toBeGreaterThan(0);
    expect(new Set(request.accesses).size).toBe(request.accesses.length);
    for (const access of request.accesses) expect(levelOf(access)).toBe(request.resourceType === 'Database' ? 'database' : 'organization');
  }
  expect(Number.isInteger(config.ttlSeconds) && config.ttlSeconds >= 60 && config.ttlSeconds <= 7 * 86400).toBe(true);
  expect(config.namePrefix).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(config.namePrefix.length).toBeLessThanOrEqual(56);
  const credentialParts =
    config.credential.kind === 'service-token' ? [config.credential.id, config.credential.token] : [config.credential.token];
  for (const part of credentialParts) expect(part).toMatch(/^[\x21-\x7e]+$/);
  const url = new URL(config.apiUrl);
  expect(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))).toBe(true);
  expect([url.username, url.password, url.search, url.hash]).toEqual(['', '', '', '']);
  expect(config.apiUrl.endsWith('/')).toBe(false);
  // Something to mint: a token with accesses, or a database credential.
  expect(config.requests.length > 0 || config.databaseCredential !== undefined).toBe(true);
  const credential = config.databaseCredential;
  if (credential) {
    expect(credential.branch).toMatch(NAME);
    expect(credential.database).toMatch(NAME);
    expect(credential.urlEnv).toMatch(/^([A-Za-z_][A-Za-z0-9_]*)?$/);
    for (const cidr of credential.cidrs) expect(cidr).toMatch(/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/);
  }
}

const STOPPED = /^has more problems than the 10 above; checking stopped there/;

describe('inputs: anything goes in, a well-formed config or clear errors come out', () => {
  it('generates every input action.yml declares, so a new input is fuzzed too', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(DECLARED).sort());
  });

  it('every input, hostile', () => {
    fc.assert(
      fc.property(hostileInputs(apiUrl), (values) => {
        const parsed = parseInputs(reader(values), {}, UNKNOWN_RUN);
        if (parsed.ok) return wellFormed(parsed.value);
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const e of parsed.errors) {
          expect([...INPUT_NAMES, ...CREDENTIAL_ENV]).toContain(e.input);
          const line = formatInputError(e);
          expect(line.startsWith(`Input "${e.input}": `)).toBe(true);
          expect(line).not.toMatch(/[\r\n]/);
          // A credential is never quoted back, however wrong it is.
          for (const input of ['minting-token-id', 'minting-token', 'api-token']) {
            const secret = values[input]!.trim();
            const elsewhere = Object.entries(values).some(([other, v]) => other !== input && v.includes(secret));
            if (secret.length >= 6 && !elsewhere) expect(line).not.toContain(secret);
          }
        }
      }),
      { numRuns: RUNS.inputs },
    );
  });

  it('a pasted blob of thousands of bad items: at most 10 problems per input, then one that says checking stopped', () => {
    const junk = fc.array(fc.oneof(hostileString, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 })), {
      minLength: 1,
      maxLength: 3000,
    });
    fc.assert(
      fc.property(junk, junk, fc.constantFrom(',', '\n', ' '), (a, b, sep) => {
        const parsed = parseInputs(
          reader({
            org: 'acme',
            'minting-token-id': 'id',
            'minting-token': 'tok',
            database: 'app',
            accesses: a.join(sep),
            'org-accesses': b.join(sep),
          }),
          {},
          UNKNOWN_RUN,
        );
        if (parsed.ok) return wellFormed(parsed.value);
        for (const input of ['accesses', 'org-accesses']) {
          const mine = parsed.errors.filter((e) => e.input === input);
          // Up to 10 problems, then at most the one that says checking stopped, and only last.
          const stops = mine.map((e) => STOPPED.test(e.message));
          expect(stops.slice(0, 10)).not.toContain(true);
          expect(stops.slice(10)).toEqual(mine.length > 10 ? [true] : []);
        }
        expect(parsed.errors.map(formatInputError).join('\n').length).toBeLessThan(20 * 2_000);
      }),
      { numRuns: RUNS.blob },
    );
  });

  it('more than 10 bad items: exactly 10 problems, then the one that says checking stopped', () => {
    const bad = Array.from({ length: 40 }, (_, i) => `bad-name-${'x'.repeat(i + 1)}`).join(' ');
    const parsed = parseInputs(
      reader({ org: 'acme', 'minting-token-id': 'id', 'minting-token': 'tok', database: 'app', accesses: bad }),
      {},
      UNKNOWN_RUN,
    );
    expect(parsed.ok).toBe(false);
    const mine = parsed.ok ? [] : parsed.errors.filter((e) => e.input === 'accesses');
    expect(mine).toHaveLength(11);
    expect(mine.map((e) => STOPPED.test(e.message))).toEqual([...Array<boolean>(10).fill(false), true]);
  });

  it('a credential from env with any content', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (id, token) => {
        const parsed = parseInputs(
          reader({ org: 'acme', database: 'app', accesses: 'read_branch' }),
          { PLANETSCALE_SERVICE_TOKEN_ID: id, PLANETSCALE_SERVICE_TOKEN: token },
          UNKNOWN_RUN,
        );
        if (parsed.ok) return wellFormed(parsed.value);
        // Both empty reads as "no credential", reported on minting-token.
        for (const e of parsed.errors) expect([...CREDENTIAL_ENV, 'minting-token']).toContain(e.input);
      }),
      { numRuns: RUNS.inputs },
    );
  });

  it('whitespace, CRLF, tabs, trailing commas and repeats in lists are normalised, not refused', () => {
    const dbLine = fc.tuple(fc.constantFrom('app', 'analytics', 'logs'), messyList(SOME_DATABASE_ACCESSES), fc.constantFrom('', ' ', '\t'));
    fc.assert(
      fc.property(
        messyList(SOME_DATABASE_ACCESSES),
        fc.array(dbLine, { maxLength: 3 }),
        fc.oneof(fc.constant(undefined), messyList(ORGANIZATION_ACCESSES.slice(0, 6))),
        fc.constantFrom('\n', '\r\n'),
        ({ text, items }, lines, org, eol) => {
          const accesses = [
            text.replace(/\r?\n/g, ' '),
            ...lines.map(([db, list, pad]) => `${pad}${db}${pad}:${list.text.replace(/\r?\n/g, ' ')}`),
          ].join(eol);
          const parsed = parseInputs(
            reader({
              org: ' acme\t',
              'minting-token-id': 'id',
              'minting-token': 'pscale_tkn_x',
              database: 'app ',
              accesses,
              'org-accesses': org?.text ?? '',
              ttl: '1h',
              name: '',
              'export-env': 'true',
              cleanup: 'true',
              'api-url': '',
            }),
            {},
            UNKNOWN_RUN,
          );
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          // Expected: per database, the union of its items in first-seen order; then the org's.
          const expected = new Map<string, string[]>([['app', [...items]]]);
          for (const [db, list] of lines) expected.set(db, [...new Set([...(expected.get(db) ?? []), ...list.items])]);
          const requests = [...expected].map(([resourceName, a]) => ({ resourceType: 'Database', resourceName, accesses: a }));
          if (org) requests.push({ resourceType: 'Organization', resourceName: 'acme', accesses: org.items });
          expect(parsed.value.requests).toEqual(requests);
          expect(parsed.value.org).toBe('acme');
        },
      ),
      { numRuns: RUNS.normalised },
    );
  });
});

describe('paths: one encoded segment per name, whatever the name', () => {
  const BASE = 'https://api.planetscale.com';
  /** The path as fetch will send it: URL parsing resolves `.`/`..` (also %2E) and would move a call. */
  const sent = (path: string) => new URL(BASE + path).pathname;

  it('organization and database names that pass validation, and any ID an API answer holds', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (org, database, id) => {
        const orgName = NAME.test(org) ? org : 'acme';
        const dbName = NAME.test(database) ? database : 'app';
        const path = organizationPath(orgName, 'databases', dbName, 'branches');
        expect(sent(path)).toBe(path);
        expect(path.split('/').slice(3).map(decodeURIComponent)).toEqual([orgName, 'databases', dbName, 'branches']);
        // An ID comes from PlanetScale's answer, unvalidated: encoded as one segment, or refused.
        let tokenPath: string;
        try {
          tokenPath = organizationPath(orgName, 'service-tokens', id, 'access');
        } catch {
          expect(['', '.', '..']).toContain(id);
          return;
        }
        expect(sent(tokenPath)).toBe(tokenPath);
        expect(tokenPath.split('/').slice(3).map(decodeURIComponent)).toEqual([orgName, 'service-tokens', id, 'access']);
      }),
      { numRuns: RUNS.paths },
    );
  });

  it('the traversal and separator attacks by name', () => {
    for (const name of ['../../x', 'a/b', 'a?b', 'a#b', 'a%2Fb', '..', '.', '%2e%2e']) {
      expect(
        parseInputs(
          reader({ org: name, 'minting-token-id': 'i', 'minting-token': 't', database: 'app', accesses: 'read_branch' }),
          {},
          UNKNOWN_RUN,
        ).ok,
      ).toBe(false);
      expect(
        parseInputs(
          reader({ org: 'acme', 'minting-token-id': 'i', 'minting-token': 't', database: name, accesses: 'read_branch' }),
          {},
          UNKNOWN_RUN,
        ).ok,
      ).toBe(false);
      expect(
        parseInputs(
          reader({ org: 'acme', 'minting-token-id': 'i', 'minting-token': 't', accesses: `${name}: read_branch` }),
          {},
          UNKNOWN_RUN,
        ).ok,
      ).toBe(false);
    }
    expect(() => organizationPath('acme', 'service-tokens', '..')).toThrow(/refused/);
    expect(() => organizationPath('acme', 'service-tokens', '.', 'access')).toThrow(/refused/);
    expect(() => organizationPath('acme', 'service-tokens', '')).toThrow(/refused/);
  });
});

describe('the client on the wire (a loopback recorder), with hostile IDs in the answers', () => {
  let api: Loopback;
  let dispatcher: StepDispatcher;
  let answerId = '';
  beforeAll(async () => {
    api = await loopback((req) => {
      if (req.method === 'POST' && req.target.endsWith('/service-tokens'))
        return json(200, { id: answerId, token: 'pscale_tkn_minted', name: 'n', expires_at: null });
      if (req.method === 'POST' && req.target.endsWith('/access')) return json(200, { data: [] });
      if (req.method === 'GET') return json(200, { data: [{ id: answerId, name: 'n' }], next_page: null });
      return { status: 204 };
    });
    dispatcher = stepDispatcher({}, api.url);
  });
  afterAll(async () => {
    await dispatcher.destroy();
    await api.close();
  });

  const printable = fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 40,
  });
  const name = fc.oneof(fc.constantFrom('acme', 'a.b', 'A-1_x', 'a..b', 'z.'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/));

  it('sends every call to /v1/organizations/<org>/service-tokens[/<id>[/access]], with exactly the credential, to api-url only', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.oneof(hostileString, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)),
        printable,
        printable,
        async (org, databases, id, credId, credToken) => {
          answerId = id;
          api.requests.length = 0;
          const credential: Credential = { kind: 'service-token', id: credId, token: credToken };
          const client = new PlanetScaleClient({ baseUrl: api.url, credential, dispatcher });
          const created = await createServiceToken(client, org, { name: 'n', ttlSeconds: 60 }).catch(() => undefined);
          const tokenId = created?.id ?? id;
          const calls = [
            ...databases.map((db) => grantAccesses(client, org, tokenId, db, ['read_branch'])),
            deleteServiceToken(client, org, tokenId),
            findServiceTokensNamed(client, org, 'n'),
          ];
          const settled = await Promise.allSettled(calls);
          // An ID that does not look like one (token-id.ts) is not taken from the create answer,
          // and refused before sending.
          const unsafeId = !isServiceTokenId(id);
          expect(created?.id).toBe(unsafeId ? undefined : id);
          if (!unsafeId) expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
          const prefix = `/v1/organizations/${encodeURIComponent(org)}/service-tokens`;
          for (const req of api.requests) {
            expect(req.headers.authorization).toBe(`${credId}:${credToken}`);
            expect(req.headers.host).toBe(new URL(api.url).host);
            expect(req.target.startsWith(prefix)).toBe(true);
            const rest = req.target.slice(prefix.length);
            if (rest === '' || rest === '?page=1&per_page=100') continue;
            const match = /^\/([^/?#]+)(\/access)?$/.exec(rest);
            expect(match, req.target).not.toBeNull();
            expect(decodeURIComponent(match![1]!)).toBe(id);
          }
          // Create and list always go out; grants and delete only with a usable ID.
          expect(api.requests.length).toBe(unsafeId ? 2 : 2 + databases.length + 1);
        },
      ),
      { numRuns: RUNS.client },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Workflow commands

/** The commands the runner would act on in `output`: lines split as .NET does, stop-commands honoured. */
function issuedCommands(output: string): { commands: Omit<WorkflowCommand, 'line'>[]; stopped: boolean } {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  splitter.write(Buffer.from(output, 'utf8'));
  splitter.end();
  const registered = new Set(REGISTERED_COMMANDS);
  let stopToken: string | null = null;
  const commands: Omit<WorkflowCommand, 'line'>[] = [];
  for (const line of lines) {
    const command = parseCommandLine(dotnetTrimStart(line), registered);
    if (!command) continue;
    if (stopToken !== null) {
      if (command.command === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = null;
      }
      continue;
    }
    if (command.command === 'stop-commands') {
      stopToken = command.message;
      registered.add(stopToken.toLowerCase());
      continue;
    }
    commands.push(command);
  }
  return { commands, stopped: stopToken !== null };
}

function printed(write: () => void): string {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    write();
  } finally {
    process.stdout.write = original;
  }
  return chunks.join('');
}

describe('workflow-command injection: nothing the action prints issues a command', () => {
  const message = fc.oneof(
    hostileString,
    fc.tuple(hostileString, hostileString).map(([a, b]) => `Deleted service token ${a}: ${b}`),
  );

  it('info(text) issues no command, and commands resume after it', () => {
    fc.assert(
      fc.property(message, (text) => {
        const { commands, stopped } = issuedCommands(printed(() => log.info(text)));
        expect(commands).toEqual([]);
        expect(stopped).toBe(false);
      }),
      { numRuns: RUNS.commands },
    );
  });

  it('error / warning / debug (text) issue exactly that one command, carrying the text unchanged', () => {
    fc.assert(
      fc.property(message, fc.constantFrom<'error' | 'warning' | 'debug'>('error', 'warning', 'debug'), (text, kind) => {
        const { commands } = issuedCommands(printed(() => core[kind](text)));
        expect(commands).toEqual([{ command: kind, properties: {}, message: text }]);
      }),
      { numRuns: RUNS.commands },
    );
  });

  it('the named attacks', () => {
    for (const text of [
      'x\n::add-path::/tmp',
      'x\r::add-path::/tmp',
      '\u0085::add-path::/tmp',
      'a ##[add-path]/tmp',
      '::stop-commands::pause',
    ]) {
      expect(issuedCommands(printed(() => log.info(`Granted on database ${text}`))).commands).toEqual([]);
      expect(issuedCommands(printed(() => log.info(text))).commands).toEqual([]);
    }
  });
});

describe('API error text: redacted, one line, at most 300 characters', () => {
  const secret = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 8, maxLength: 40 });
  it('whatever surrounds the credentials', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            hostileString,
            secret.map((s) => `pscale_tkn_${s}`),
            fc.constant('@ID@'),
            fc.constant('@SECRET@'),
          ),
          { maxLength: 8 },
        ),
        secret,
        secret,
        (parts, id, token) => {
          const text = parts.join(' ').replaceAll('@ID@', id).replaceAll('@SECRET@', `pscale_tkn_${token}`);
          const safe = redact(text, [id, `pscale_tkn_${token}`]);
          expect(safe.length).toBeLessThanOrEqual(300);
          expect(safe).not.toMatch(/[\r\n]/);
          expect(safe).not.toMatch(/pscale_[a-z]+_[A-Za-z0-9_-]/);
          expect(safe).not.toContain(id);
        },
      ),
      { numRuns: RUNS.redact },
    );
  });
});
