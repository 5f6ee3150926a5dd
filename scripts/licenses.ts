// Run by `npm run build` after each ncc build: writes <entry>/licenses.txt from the webpack stats
// ncc emitted (--stats-out), naming every package with code in any of the entry's chunks, with its
// version, licence and full licence text.
//
// Why not ncc's --license alone: its license-webpack-plugin writes one file per chunk, and ncc
// names them all licenses.txt, so the last chunk written (the lazily loaded undici chunk) replaces
// the entry chunk's list, and @actions/core and @actions/github went unnamed.
//
// Usage: node scripts/licenses.ts <stats.json> <entry out dir>
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}
interface Stats {
  chunks: { modules?: StatsModule[] }[];
}

/** Package names (`@scope/name` or `name`) under node_modules in a module's name, nested modules included. Pure. */
export function bundledPackages(stats: Stats): string[] {
  const names = new Set<string>();
  const walk = (module: StatsModule): void => {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module.name ?? '');
    if (match) names.add(match[1]!);
    module.modules?.forEach(walk);
  };
  for (const chunk of stats.chunks) chunk.modules?.forEach(walk);
  return [...names].sort();
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/** One package's entry: name, version, licence id and its licence file's text. */
function entryFor(root: string, name: string): string {
  const dir = join(root, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
  const file = readdirSync(dir).find((f) => LICENSE_FILE.test(f));
  if (manifest.license === undefined || file === undefined)
    throw new Error(`licenses: ${name} has no "license" in package.json or no LICENSE file: add its notice by hand`);
  return `${name}@${manifest.version}\n${manifest.license}\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [statsPath, outDir] = process.argv.slice(2);
  if (!statsPath || !outDir) {
    console.error('usage: node scripts/licenses.ts <stats.json> <entry out dir>');
    process.exit(1);
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as Stats;
  rmSync(statsPath);
  const packages = bundledPackages(stats);
  writeFileSync(join(outDir, 'licenses.txt'), packages.map((name) => entryFor(root, name)).join('\n'));
}
