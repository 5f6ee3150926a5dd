// Run by `npm run build` before ncc: declares `"sideEffects": false` in the installed package.json
// of the toolkit packages below, so that ncc (webpack 5) leaves out the modules of theirs the
// action never uses (https://webpack.js.org/guides/tree-shaking/#mark-the-file-as-side-effect-free).
//
// Why: webpack already knows which exports the action uses, but it keeps every module it cannot
// prove has no side effects, and TypeScript's emitted `__awaiter` helper at the top of these
// modules counts as one. Without the flag, every step bundles and runs at start-up core's OIDC
// client (getIDToken: @actions/http-client, undici, tunnel, and with them node:http, https, tls,
// net) and core.platform (@actions/exec, @actions/io, child_process), and main Octokit (only
// getOctokit uses it). The packages' code is bundled unchanged; only what is never imported is
// left out. Nothing changes when the packages run from node_modules (tests, local-action).
//
// The flag is a promise that a module whose exports go unused may be skipped. It was checked by
// reading the versions listed here: their modules define classes, functions and constants, and
// the work done at import (core's `summary`, github's `context`, Octokit's defaults) belongs to
// exports, so it happens whenever those are used. Another version must be read again before it is
// listed: the build stops until then.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHECKED: Record<string, string> = {
  '@actions/core': '3.0.1',
  '@actions/github': '9.1.1',
};

for (const [name, version] of Object.entries(CHECKED)) {
  const file = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string; sideEffects?: unknown };
  if (manifest.version !== version) {
    console.error(
      `side-effect-free: ${name} is ${manifest.version}, but ${version} is the version checked to have no import-time work the action needs. ` +
        `Read its lib/*.js, then update CHECKED in scripts/side-effect-free.ts.`,
    );
    process.exit(1);
  }
  if (manifest.sideEffects === false) continue;
  writeFileSync(file, JSON.stringify({ ...manifest, sideEffects: false }, null, 2) + '\n');
}
