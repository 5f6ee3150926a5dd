// The edges mutation testing (npm run mutate) found unguarded: each test names the behaviour a
// surviving mutant had broken without any test noticing.
import { describe, expect, it } from 'vitest';
import { nearestAccess } from '../../src/inputs/accesses.ts';
import { readPostWork } from '../../src/steps/post/plan.ts';
import { explain, type Operation } from '../../src/report/explain.ts';
import { parseApiUrl, parseTtl } from '../../src/inputs/config.ts';
import { PlanetScaleApiError, PlanetScaleNetworkError, redact } from '../../src/planetscale/errors.ts';
import { STATE } from '../../src/state/keys.ts';
import { parseCredential } from '../../src/inputs/minting-credential.ts';
import { defaultNamePrefix, defaultNameStem } from '../../src/token/name.ts';
import { SWEEP_MARGIN_MS, decodeSweepNames, encodeSweepNames, isSweepable } from '../../src/token/sweep-names.ts';

describe("the sweep takes only this action's names in this scope", () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const longAgo = '2026-11-22T09:00:00Z';
  const token = (name: string, expiresAt: string | null = longAgo) => ({ id: 'x', name, expiresAt });
  const defaults = decodeSweepNames('gha-shop-*')!;
  const exact = decodeSweepNames('ci-migrate-')!;

  it('reads back the scope main recorded: `*` for the default names, none for a name input', () => {
    expect(defaults).toEqual({ stem: 'gha-shop-', exact: false });
    expect(exact).toEqual({ stem: 'ci-migrate-', exact: true });
    expect(encodeSweepNames(defaults)).toBe('gha-shop-*');
    expect(encodeSweepNames(exact)).toBe('ci-migrate-');
    expect(decodeSweepNames('')).toBeUndefined();
  });

  it('default names: the stem at the start, run parts, then exactly one 6-character suffix at the end', () => {
    expect(isSweepable(token('gha-shop-123-1-build-abc123'), defaults, now)).toBe(true);
    expect(isSweepable(token('other-gha-shop-123-1-build-abc123'), defaults, now)).toBe(false); // stem not at the start
    expect(isSweepable(token('gha-shop-123-1-build-abc123-mine'), defaults, now)).toBe(false); // text after the suffix
    expect(isSweepable(token('gha-shop-123-1-build-abc1234'), defaults, now)).toBe(false); // suffix too long
    expect(isSweepable(token('gha-shop-123-1-build-ABC123'), defaults, now)).toBe(false); // not our alphabet
    expect(isSweepable(token('gha-shop-123_1-build-abc123'), defaults, now)).toBe(false); // not a run part
    expect(isSweepable(token('gha-shop-123-1-buildabc123'), defaults, now)).toBe(false); // no `-` before the suffix
    expect(isSweepable(token('gha-shop-x-abc123'), defaults, now)).toBe(true); // one run part is enough
    expect(isSweepable(token('gha-shop-abc123'), defaults, now)).toBe(false); // a suffix but no run part
  });

  it('a name input: exactly the stem and the suffix, nothing before or after', () => {
    expect(isSweepable(token('ci-migrate-abc123'), exact, now)).toBe(true);
    expect(isSweepable(token('ci-migrate-abc123x'), exact, now)).toBe(false);
    expect(isSweepable(token('ci-migrate-xabc123'), exact, now)).toBe(false);
    expect(isSweepable(token('ci-migrate-1-1-x-abc123'), exact, now)).toBe(false); // a default-shaped name is not ours here
  });

  it('only once expired for longer than the margin, and never with an unreadable expiry', () => {
    const at = (ms: number) => new Date(ms).toISOString();
    expect(isSweepable(token('ci-migrate-abc123', at(now - SWEEP_MARGIN_MS - 1)), exact, now)).toBe(true);
    expect(isSweepable(token('ci-migrate-abc123', at(now - SWEEP_MARGIN_MS)), exact, now)).toBe(false);
    expect(isSweepable(token('ci-migrate-abc123', 'soon'), exact, now)).toBe(false);
    expect(isSweepable(token('ci-migrate-abc123', ''), exact, now)).toBe(false);
  });
});

describe('api-url', () => {
  it('allows http only to a host that is loopback in full, not one that starts like it', () => {
    expect(parseApiUrl('http://127.0.0.1.nip.io')).toMatchObject({ ok: false });
    expect(parseApiUrl('http://127.0.0.1.evil.example:8787')).toMatchObject({ ok: false });
    expect(parseApiUrl('http://localhost.evil.example')).toMatchObject({ ok: false });
    expect(parseApiUrl('http://x127.0.0.1')).toMatchObject({ ok: false });
    expect(parseApiUrl('http://127.0.0.1:8787')).toEqual({ ok: true, value: 'http://127.0.0.1:8787' });
    expect(parseApiUrl('http://127.1.2.3')).toEqual({ ok: true, value: 'http://127.1.2.3' });
    expect(parseApiUrl('http://localhost:1/')).toEqual({ ok: true, value: 'http://localhost:1' });
    expect(parseApiUrl('http://[::1]:9')).toEqual({ ok: true, value: 'http://[::1]:9' });
  });

  it('refuses a user name alone, as it refuses user and password, without echoing it', () => {
    for (const value of ['https://someone@api.planetscale.com', 'https://:hunter2@api.planetscale.com']) {
      const parsed = parseApiUrl(value);
      expect(parsed.ok).toBe(false);
      const text = JSON.stringify(parsed);
      expect(text).toMatch(/carries a user name or password/);
      expect(text).not.toMatch(/someone|hunter2/);
    }
  });
});

describe('ttl', () => {
  it('refuses a compound duration such as 1h30m rather than reading its first part', () => {
    expect(parseTtl('1h30m')).toMatchObject({ ok: false });
    expect(parseTtl('1h 30m')).toMatchObject({ ok: false });
    expect(parseTtl('x1h')).toMatchObject({ ok: false });
    expect(parseTtl('90m')).toEqual({ ok: true, value: 5400 });
    expect(parseTtl('2H')).toEqual({ ok: true, value: 7200 });
  });
});

describe('"did you mean"', () => {
  // Distances are to the nearest catalogue name (test/fixtures/planetscale/accesses.json).
  it('suggests a name up to a third of the typed length away, and nothing beyond', () => {
    expect(nearestAccess('rxad_brxnxh', 'database')).toBe('read_branch'); // 11 characters, 3 edits
    expect(nearestAccess('rxxd_bxxnch', 'database')).toBeUndefined(); // 11 characters, 4 edits
    expect(nearestAccess('connect_brxxxx', 'database')).toBe('connect_branch'); // 14 characters, 4 edits
    expect(nearestAccess('connect_bxxxxx', 'database')).toBeUndefined(); // 14 characters, 5 edits
    expect(nearestAccess('xread_branchxxxx', 'database')).toBe('read_branch'); // 16 characters, 5 longer, 5 edits
  });

  it('suggests the nearest of several candidates', () => {
    expect(nearestAccess('read_branchs', 'database')).toBe('read_branch');
    expect(nearestAccess('read_service_token', 'organization')).toBe('read_service_tokens');
  });
});

describe('the post step looks by name when main asked it to', () => {
  const from = (state: Record<string, string>) => (key: string) => state[key] ?? '';
  it('even when main recorded and settled a token: another create call may have succeeded since', () => {
    const work = readPostWork(
      from({
        [STATE.name]: 'ci-1',
        [STATE.createAttempted]: 'true',
        [STATE.id]: 't1',
        [STATE.settled]: 'true',
        [STATE.lookUpByName]: 'true',
      }),
    );
    expect(work).toMatchObject({ byId: false, byName: true, hasWork: true, message: undefined });
  });

  it('not when the flag is anything but "true"', () => {
    const work = readPostWork(
      from({
        [STATE.name]: 'ci-1',
        [STATE.createAttempted]: 'true',
        [STATE.id]: 't1',
        [STATE.settled]: 'true',
        [STATE.lookUpByName]: 'yes',
      }),
    );
    expect(work).toMatchObject({ byName: false, hasWork: false });
  });
});

describe('the post step without a recorded token name', () => {
  const from = (state: Record<string, string>) => (key: string) => state[key] ?? '';
  it('does nothing, whatever else the state says: main never got as far as a create', () => {
    const work = readPostWork(
      from({ [STATE.id]: 't1', [STATE.createAttempted]: 'true', [STATE.lookUpByName]: 'true', [STATE.sweep]: 'gha-*' }),
    );
    expect(work).toEqual({
      name: '',
      id: 't1',
      expiresAt: 'the end of its TTL',
      keep: false,
      byId: false,
      byName: false,
      sweep: false,
      hasWork: false,
      restoreEnv: false,
      message: 'Nothing to clean up: the main step minted no token.',
    });
  });

  it('names the end of the TTL when main never learnt the expiry of a token it keeps', () => {
    const work = readPostWork(from({ [STATE.name]: 'ci-1', [STATE.createAttempted]: 'true', [STATE.id]: 't1', [STATE.cleanup]: 'false' }));
    expect(work.message).toBe('cleanup is false: leaving service token "ci-1" valid until it expires at the end of its TTL.');
  });
});

describe('explain, for a refused grant', () => {
  const refused = new PlanetScaleApiError('POST', '/x', 404, 'not_found', undefined);
  it('on a database: the database may not exist, or the minting token lacks the accesses there', () => {
    const op = {
      kind: 'grant',
      org: 'acme',
      request: { resourceType: 'Database', resourceName: 'app', accesses: ['read_branch', 'create_branch'] },
    } satisfies Operation;
    expect(explain(refused, op)).toBe(
      'PlanetScale refused granting read_branch, create_branch on database "app" (HTTP 404, code "not_found"): the database does not exist, ' +
        'or the minting token does not itself hold read_branch, create_branch on database "app": a token can only delegate accesses it ' +
        'holds (PlanetScale answers 404 for a missing permission). Grant them to the minting token, or ask for fewer.',
    );
  });

  it("on the organization: only the minting token's accesses can be at fault", () => {
    const op = {
      kind: 'grant',
      org: 'acme',
      request: { resourceType: 'Organization', resourceName: 'acme', accesses: ['read_organization'] },
    } satisfies Operation;
    expect(explain(refused, op)).toBe(
      'PlanetScale refused granting read_organization on organization "acme" (HTTP 404, code "not_found"): the minting token ' +
        'does not itself hold read_organization on organization "acme": a token can only delegate accesses it holds (PlanetScale ' +
        'answers 404 for a missing permission). Grant them to the minting token, or ask for fewer.',
    );
  });
});

describe('the error values', () => {
  it("carry their class name and a message with method, path, status, code and PlanetScale's words", () => {
    const api = new PlanetScaleApiError('GET', '/v1/x', 422, 'invalid', 'bad ttl');
    expect(api.name).toBe('PlanetScaleApiError');
    expect(api.message).toBe('GET /v1/x: HTTP 422 (invalid): bad ttl');
    expect(new PlanetScaleApiError('GET', '/v1/x', 500, undefined, undefined).message).toBe('GET /v1/x: HTTP 500');
    const net = new PlanetScaleNetworkError('GET', 'https://h/v1', '');
    expect(net.name).toBe('PlanetScaleNetworkError');
    expect(net.reason).toBe('unknown error');
  });

  it('a network error is retryable unless said otherwise', () => {
    expect(new PlanetScaleNetworkError('GET', 'u', 'reset').retryable).toBe(true);
    expect(new PlanetScaleNetworkError('GET', 'u', 'reset', {}).retryable).toBe(true);
    expect(new PlanetScaleNetworkError('GET', 'u', 'redirect', { retryable: false }).retryable).toBe(false);
  });
});

describe('explain, for a failure that is neither an API answer nor a network error', () => {
  it("says what was being done and the error's own message", () => {
    expect(explain(new Error('socket hang up'), { kind: 'create', org: 'acme' })).toBe(
      'Failed creating a service token in organization "acme": socket hang up.',
    );
    expect(explain('odd', { kind: 'delete', org: 'acme', tokenName: 'ci-1' })).toBe('Failed deleting service token "ci-1": odd.');
  });
});

describe('redact', () => {
  it('ignores an empty known secret instead of starring every gap between characters', () => {
    expect(redact('abc', [''])).toBe('abc');
    expect(redact('a secret here', ['', 'secret'])).toBe('a *** here');
  });

  it('keeps a message of exactly 300 characters whole, and cuts one longer to 300', () => {
    expect(redact('x'.repeat(300))).toBe('x'.repeat(300));
    expect(redact('x'.repeat(301))).toBe(`${'x'.repeat(297)}...`);
  });
});

describe('the default name stem the sweep matches on', () => {
  it("is gha- and the repository's slug, or gha- alone without one", () => {
    expect(defaultNameStem('acme/shop')).toBe('gha-shop-');
    expect(defaultNameStem('acme/My_Shop.js')).toBe('gha-my-shop-js-');
    expect(defaultNameStem('')).toBe('gha-');
  });

  it('a missing run variable adds no part, and the parts come in order', () => {
    expect(defaultNamePrefix({ repository: '', runId: '', runAttempt: '', job: '' })).toBe('gha');
    expect(defaultNamePrefix({ repository: '', runId: '12', runAttempt: '', job: 'Build' })).toBe('gha-12-build');
    expect(defaultNamePrefix({ repository: 'a/s', runId: '12', runAttempt: '2', job: 'b' })).toBe('gha-s-12-2-b');
  });
});

describe('the minting token', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
  it('refuses api-token beside either half of a service token', () => {
    for (const half of [{ 'minting-token-id': 'id1' }, { 'minting-token': 'pscale_tkn_x' }] as Record<string, string>[]) {
      expect(parseCredential(read({ 'api-token': 'pscale_oauth_x', ...half }), {})).toMatchObject({ ok: false });
    }
    expect(parseCredential(read({ 'api-token': 'pscale_oauth_x' }), {})).toEqual({
      ok: true,
      value: { kind: 'api-token', token: 'pscale_oauth_x', source: 'input' },
    });
  });

  it('trims the env pscale reads, as the runner trims inputs', () => {
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: ' envid \n', PLANETSCALE_SERVICE_TOKEN: '\tpscale_tkn_env ' };
    expect(parseCredential(read({}), env)).toEqual({
      ok: true,
      value: { kind: 'service-token', id: 'envid', token: 'pscale_tkn_env', source: 'env' },
    });
  });
});
