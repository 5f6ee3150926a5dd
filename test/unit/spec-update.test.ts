import { describe, expect, it } from 'vitest';
import { OPERATION_IDS, SPEC_SOURCE, extractSubset } from '../../scripts/spec-update.ts';

const spec = {
  openapi: '3.0.1',
  info: { title: 'PlanetScale API' },
  paths: {
    '/a': { parameters: [{ name: 'org' }], get: { operationId: 'keep_me' }, post: { operationId: 'drop_me' } },
    '/b': { get: { operationId: 'drop_me_too' } },
  },
};

describe('spec-update extractSubset', () => {
  it('keeps only the named operations, with their path-level parameters, and names source and date first', () => {
    const subset = extractSubset(spec, ['keep_me'], '2026-01-02');
    expect(Object.keys(subset)[0]).toBe('x-vendored');
    expect(subset['x-vendored']).toMatchObject({ source: SPEC_SOURCE, extracted: '2026-01-02' });
    expect(subset.paths).toEqual({ '/a': { parameters: [{ name: 'org' }], get: { operationId: 'keep_me' } } });
  });

  it('refuses when a named operation is missing, and when a kept operation uses $ref', () => {
    expect(() => extractSubset(spec, ['keep_me', 'gone'], 'd')).toThrow(/not in the spec: gone/);
    const withRef = { paths: { '/a': { get: { operationId: 'x', responses: { 200: { $ref: '#/c' } } } } } };
    expect(() => extractSubset(withRef, ['x'], 'd')).toThrow(/\$ref/);
  });

  it('names every operation the fake serves', () => {
    expect(OPERATION_IDS).toContain('create_service_token');
    expect(new Set(OPERATION_IDS).size).toBe(OPERATION_IDS.length);
  });
});
