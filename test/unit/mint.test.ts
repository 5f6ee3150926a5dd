import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { explain } from '../../src/report/explain.ts';
import { DEFAULT_API_URL } from '../../src/inputs/config.ts';
import { envForLaterSteps } from '../../src/steps/main/hand-over.ts';
import { formatTtl } from '../../src/report/text.ts';
import { PlanetScaleApiError } from '../../src/planetscale/errors.ts';

describe('envForLaterSteps', () => {
  const token = { id: 'abc123def456', token: 'pscale_tkn_x' };
  it('exports what pscale reads, without PLANETSCALE_API_URL for the default API', () => {
    expect(envForLaterSteps({ org: 'acme', apiUrl: DEFAULT_API_URL }, token)).toEqual({
      PLANETSCALE_SERVICE_TOKEN_ID: 'abc123def456',
      PLANETSCALE_SERVICE_TOKEN: 'pscale_tkn_x',
      PLANETSCALE_ORG: 'acme',
    });
  });
  it('adds PLANETSCALE_API_URL for another API', () => {
    expect(envForLaterSteps({ org: 'acme', apiUrl: 'http://127.0.0.1:9' }, token)['PLANETSCALE_API_URL']).toBe('http://127.0.0.1:9');
  });
});

describe('messages', () => {
  it("shows PlanetScale's 422 message whole (it is already cut to 300 characters)", () => {
    const message = 'ttl must be at most 604800 seconds for this organization because of its security policy settings';
    const text = explain(new PlanetScaleApiError('POST', '/x', 422, 'unprocessable', message), { kind: 'create', org: 'acme' });
    expect(text).toContain(JSON.stringify(message));
  });
  it('formats a TTL in its largest whole unit', () => {
    expect([formatTtl(900), formatTtl(3600), formatTtl(90), formatTtl(172800)]).toEqual(['15m', '1h', '90s', '2d']);
  });
});

describe('action.yml', () => {
  it('runs dist/ on node24 with a post step that always runs', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { runs: Record<string, string> };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js', 'post-if': 'always()' });
  });
});
