import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseNotes } from '../../scripts/release-notes.ts';

const changelog = `# Changelog

intro

## 1.1.0
### Fixed
- b

## 1.0.10 (first release)
- a
`;

describe('releaseNotes', () => {
  it('takes exactly the section of the version asked, with or without the v', () => {
    expect(releaseNotes(changelog, '1.1.0')).toBe('### Fixed\n- b');
    expect(releaseNotes(changelog, 'v1.0.10')).toBe('- a');
  });

  it('does not take a version that only starts like the one asked', () => {
    expect(releaseNotes(changelog, '1.0.1')).toBeUndefined();
    expect(releaseNotes(changelog, '2.0.0')).toBeUndefined();
  });

  it("finds the current CHANGELOG.md section for package.json's version", () => {
    const root = new URL('../../', import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
    expect(releaseNotes(readFileSync(new URL('CHANGELOG.md', root), 'utf8'), version)).toMatch(/^### Added/);
  });
});
