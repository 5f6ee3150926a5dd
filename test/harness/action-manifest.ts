// Reading action.yml the way the runner needs it for a node action.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ActionInput {
  default?: string;
  required?: boolean;
}

export interface NodeActionManifest {
  file: string;
  using: string;
  main: string;
  post?: string;
  postIf: string;
  inputs: Record<string, ActionInput>;
}

type Yaml = Record<string, unknown>;
const isMap = (v: unknown): v is Yaml => typeof v === 'object' && v !== null && !Array.isArray(v);

function loadYaml(actionDir: string): { file: string; doc: Yaml } {
  for (const name of ['action.yml', 'action.yaml']) {
    const file = path.join(actionDir, name);
    if (fs.existsSync(file)) {
      // The failsafe schema keeps every scalar a string as written: `default: true` is "true",
      // `default: 1.10` is "1.10", which is what the runner hands the action.
      const doc: unknown = parseYaml(fs.readFileSync(file, 'utf8'), { schema: 'failsafe' });
      if (!isMap(doc)) throw new Error(`harness: ${file} is not a YAML mapping`);
      return { file, doc };
    }
  }
  throw new Error(`harness: no action.yml or action.yaml in ${actionDir}`);
}

/** YAML 1.2 core-schema booleans; anything else (including absence) is undefined. */
function toBool(v: unknown): boolean | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  return undefined;
}

/** The inputs declared in action.yml: name → default (as a string, as written) and required. */
export function readActionInputs(actionDir: string): Record<string, ActionInput> {
  return inputsOf(loadYaml(actionDir).doc);
}

function inputsOf(doc: Yaml): Record<string, ActionInput> {
  const out: Record<string, ActionInput> = {};
  const inputs = doc['inputs'];
  if (inputs === undefined || inputs === null || inputs === '') return out;
  if (!isMap(inputs)) throw new Error('harness: action.yml `inputs` is not a mapping');
  for (const [name, spec] of Object.entries(inputs)) {
    const entry: ActionInput = {};
    if (isMap(spec)) {
      const d = spec['default'];
      if (typeof d === 'string') entry.default = d;
      else if (d !== undefined && d !== null) throw new Error(`harness: input '${name}' has a non-scalar default`);
      const r = toBool(spec['required']);
      if (r !== undefined) entry.required = r;
    }
    out[name] = entry;
  }
  return out;
}

export function readNodeActionManifest(actionDir: string): NodeActionManifest {
  const { file, doc } = loadYaml(actionDir);
  const runs = doc['runs'];
  if (!isMap(runs)) throw new Error(`harness: ${file} has no runs: mapping`);
  const using = runs['using'];
  if (typeof using !== 'string' || !/^node\d+$/i.test(using)) {
    throw new Error(`harness: ${file} runs.using is ${JSON.stringify(using)}; only node actions are supported`);
  }
  const main = runs['main'];
  if (typeof main !== 'string' || main === '') throw new Error(`harness: ${file} has no runs.main`);
  const post = runs['post'];
  const postIf = runs['post-if'];
  const manifest: NodeActionManifest = {
    file,
    using,
    main,
    postIf: typeof postIf === 'string' && postIf.trim() !== '' ? postIf : 'always()',
    inputs: inputsOf(doc),
  };
  if (typeof post === 'string' && post !== '') manifest.post = post;
  return manifest;
}

/** `INPUT_<NAME>`: spaces → "_", upper-cased (invariant, one char for one char), hyphens kept. */
export function inputEnvName(name: string): string {
  let out = 'INPUT_';
  for (const ch of name.replaceAll(' ', '_')) {
    const u = ch.toUpperCase();
    out += u.length === 1 ? u : ch;
  }
  return out;
}
