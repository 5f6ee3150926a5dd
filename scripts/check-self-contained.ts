// `npm run check:self-contained`: fails if anything in src/, test/, bench/ or scripts/ names a path
// outside the repository (a folder beside the checkout, one machine's absolute paths) or a reference
// document a clone does not have. A clone must build, test and explain itself on its own: comments
// cite the repo's files or public URLs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['src', 'test', 'bench', 'scripts', '.ci', '.github'];

/** Each pattern, with why it is refused. Built from parts so this file does not match itself. */
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(['\\.\\.', 'shared\\b'].join('/')), 'a folder beside the checkout'],
  [new RegExp(['\\bshared', '(planetscale|runner|design|seeds|hooks)\\b'].join('/')), 'a folder beside the checkout'],
  [new RegExp(['', 'work', ''].join('/')), 'a path on one machine'],
  [new RegExp(['\\bAPI', 'md\\b'].join('\\.')), 'a document that is not in the repository: cite the public URL'],
  [new RegExp(['\\bCONTRACT', 'md\\b'].join('\\.')), 'a document that is not in the repository: cite the public URL'],
];

/** Each line of `text` that matches a forbidden pattern, as `line: reason`. Pure. */
export function outsideReferences(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [pattern, why] of FORBIDDEN) {
      if (pattern.test(line)) found.push(`${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
    }
  });
  return found;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let problems = 0;
  for (const dir of DIRS) {
    let paths: Generator<string>;
    try {
      statSync(join(root, dir));
      paths = files(join(root, dir));
    } catch {
      continue;
    }
    for (const path of paths) {
      for (const found of outsideReferences(readFileSync(path, 'utf8'))) {
        console.error(`${relative(root, path)}:${found}`);
        problems += 1;
      }
    }
  }
  if (problems > 0) {
    console.error(`\ncheck-self-contained: ${problems} reference(s) to things outside the repository; a clone does not have them.`);
    process.exit(1);
  }
  console.log(`check-self-contained: ${DIRS.join(', ')} name nothing outside the repository`);
}
