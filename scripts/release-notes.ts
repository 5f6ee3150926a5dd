// `npm run release-notes -- <version>` (e.g. 1.2.3 or v1.2.3): prints CHANGELOG.md's section for
// that version, the body of the GitHub release the release workflow creates. Exits 1 when the
// changelog has no such section, so a tag cannot be released without its notes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The section under `## <version>` (heading suffixes such as "(first release)" allowed), trimmed. Pure. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  const wanted = version.replace(/^v/, '');
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => {
    const heading = /^## \[?v?(\d+\.\d+\.\d+[^\]\s]*)\]?(\s|$)/.exec(line);
    return heading?.[1] === wanted;
  });
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return body === '' ? undefined : body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  if (!version || !/^v?\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: npm run release-notes -- <version, e.g. 1.2.3 or v1.2.3>');
    process.exit(1);
  }
  const notes = releaseNotes(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version);
  if (notes === undefined) {
    console.error(`CHANGELOG.md has no "## ${version.replace(/^v/, '')}" section with notes: add one before tagging.`);
    process.exit(1);
  }
  console.log(notes);
}
