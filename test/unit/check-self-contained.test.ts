import { describe, expect, it } from 'vitest';
import { outsideReferences } from '../../scripts/check-self-contained.ts';

// The strings are assembled so that this file itself passes the check it tests.
const up = ['..', 'shared', 'planetscale', 'openapi.yaml'].join('/');

describe('check-self-contained', () => {
  it('refuses a path to a folder beside the checkout, naming the line', () => {
    const found = outsideReferences(`ok\nconst spec = new URL('${up}', import.meta.url);\n`);
    expect(found).toHaveLength(2); // both the parent-folder form and the folder-name form
    expect(found[0]).toMatch(/^2: a folder beside the checkout: const spec/);
  });

  it('refuses a machine path and documents a clone lacks', () => {
    expect(outsideReferences(['// see ', 'work', 'notes'].join('/'))).toHaveLength(1);
    expect(outsideReferences(`// see ${['API', 'md'].join('.')} ("Errors")`)).toHaveLength(1);
    expect(outsideReferences(`// ${['CONTRACT', 'md'].join('.')}`)).toHaveLength(1);
  });

  it('lets repo files and public URLs through', () => {
    expect(outsideReferences('// test/fixtures/planetscale/accesses.json, https://api.planetscale.com/v1/openapi-spec')).toEqual([]);
    expect(outsideReferences("// Helpers shared by the fixture's main and post")).toEqual([]);
  });
});
