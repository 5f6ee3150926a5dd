// A workflow file as the runner needs it: parsed and converted by GitHub's parser
// (@actions/workflow-parser, which also normalises `if:` to `success() && (...)` as GitHub does),
// with every value kept as text in which `${{ }}` parts are still to be evaluated. The parser's
// model leaves out a step's `with:` and `shell:` and a job's matrix values as plain data, so those
// come from the same file read as YAML, matched by job id and step index.
import { parse as parseYaml } from 'yaml';
import { convertWorkflow } from '../../scripts/workflow-lint.ts';

export interface StepModel {
  /** The step's `id:`, or the parser's generated one (`__run`, `__self`, ...). */
  id: string;
  name?: string;
  if: string;
  env: Record<string, string>;
  run?: string;
  shell?: string;
  uses?: string;
  with: Record<string, string>;
}

export interface JobModel {
  id: string;
  needs: string[];
  if: string;
  env: Record<string, string>;
  outputs: Record<string, string>;
  environment?: string;
  /** Matrix axes (values as written); {} without a matrix. */
  matrix: Record<string, unknown[]>;
  steps: StepModel[];
}

export interface WorkflowModel {
  path: string;
  /** Event name → its `types:` filter (undefined: no filter), workflow_dispatch inputs' defaults. */
  events: Record<string, { types?: string[]; inputDefaults: Record<string, string> }>;
  env: Record<string, string>;
  jobs: JobModel[];
}

/** The parts of the parser's tokens used here (StringToken, BasicExpressionToken, MappingToken). */
interface Token {
  expr?: string;
  value?: string | number | boolean | null;
  [Symbol.iterator]?: () => Iterator<{ key: Token; value: Token }>;
  find?: (key: string) => Token | undefined;
}

/** A token as text: literals as written, expressions as `${{ expr }}` (to be interpolated). */
function text(token: Token | undefined): string {
  if (token === undefined) return '';
  if (typeof token.expr === 'string') return `\${{ ${token.expr} }}`;
  return String(token.value ?? '');
}

function mapping(token: Token | undefined): Record<string, string> {
  return token?.[Symbol.iterator]
    ? Object.fromEntries([...(token as Iterable<{ key: Token; value: Token }>)].map(({ key, value }) => [text(key), text(value)]))
    : {};
}

type Yaml = Record<string, unknown>;
const record = (value: unknown): Yaml => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Yaml) : {});
const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record(value)).map(([k, v]) => [k, String(v)]));

export async function loadWorkflow(path: string, content: string): Promise<WorkflowModel> {
  const template = await convertWorkflow({ path, content });
  const raw = record(parseYaml(content));
  const rawJobs = record(raw['jobs']);
  const events: WorkflowModel['events'] = {};
  for (const [name, config] of Object.entries(template.events as Record<string, Yaml>)) {
    const types = record(config)['types'];
    const inputs = record(record(config)['inputs']);
    events[name] = {
      ...(Array.isArray(types) ? { types: types.map(String) } : {}),
      inputDefaults: Object.fromEntries(
        Object.entries(inputs)
          .filter(([, input]) => record(input)['default'] !== undefined)
          .map(([key, input]) => [key, String(record(input)['default'])]),
      ),
    };
  }
  const jobs = template.jobs.map((job): JobModel => {
    if (job.type !== 'job') throw new Error(`${path}: job ${job.id.value}: reusable workflows are not run here`);
    const rawJob = record(rawJobs[job.id.value]);
    const rawSteps = Array.isArray(rawJob['steps']) ? rawJob['steps'] : [];
    const environment = job.environment as Token | undefined;
    return {
      id: job.id.value,
      needs: (job.needs ?? []).map((n) => n.value),
      if: text(job.if as unknown as Token),
      env: mapping(job.env as Token | undefined),
      outputs: mapping(job.outputs as Token | undefined),
      ...(environment ? { environment: text(environment.find ? environment.find('name') : environment) } : {}),
      matrix: Object.fromEntries(
        Object.entries(record(record(rawJob['strategy'])['matrix'])).filter((e): e is [string, unknown[]] => Array.isArray(e[1])),
      ),
      steps: job.steps.map((step, index): StepModel => {
        const rawStep = record(rawSteps[index]);
        const s = step as unknown as { id: string; name?: Token; if: Token; env?: Token; run?: Token; uses?: Token };
        return {
          id: s.id,
          ...(s.name ? { name: text(s.name) } : {}),
          if: text(s.if),
          env: mapping(s.env),
          ...(s.run ? { run: text(s.run) } : {}),
          ...(typeof rawStep['shell'] === 'string' ? { shell: rawStep['shell'] } : {}),
          ...(s.uses ? { uses: text(s.uses) } : {}),
          with: strings(rawStep['with']),
        };
      }),
    };
  });
  return { path, events, env: mapping(template.env as Token | undefined), jobs };
}
