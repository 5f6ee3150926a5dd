// `npm run spec:update -- <path to openapi.yaml or .json>`: extracts from PlanetScale's published
// OpenAPI spec (https://api.planetscale.com/v1/openapi-spec) the operations the action and the
// fake API serve, and writes them to test/fixtures/planetscale/openapi.subset.json with the source
// and the extraction date at the top. The fake's conformance tests validate its answers against
// that file, so a clone needs nothing beside it. Re-run it when PlanetScale's spec changes, and
// add an operationId below when the fake learns a new route.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const SPEC_SOURCE = 'https://api.planetscale.com/v1/openapi-spec';

/** The operations the action calls and the fake serves (test/fake-planetscale/routes). */
export const OPERATION_IDS: readonly string[] = [
  'list_organizations',
  'list_service_tokens',
  'create_service_token',
  'get_service_token',
  'delete_service_token',
  'list_databases',
  'list_branches',
  'create_branch',
  'get_branch',
  'delete_branch',
  'list_deploy_requests',
  'create_deploy_request',
  'get_deploy_request',
  'list_deploy_request_reviews',
  'review_deploy_request',
  'queue_deploy_request',
  'close_deploy_request',
  'get_database',
  'list_passwords',
  'create_password',
  'get_password',
  'delete_password',
  'list_roles',
  'create_role',
  'get_default_role',
  'get_role',
  'delete_role',
];

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

type PathItem = Record<string, unknown>;
interface Spec {
  openapi?: string;
  info?: unknown;
  paths?: Record<string, PathItem>;
}

/** The subset of `spec` holding only `operationIds`, in the spec's own path order. Pure. */
export function extractSubset(spec: Spec, operationIds: readonly string[], extracted: string): Record<string, unknown> {
  const wanted = new Set(operationIds);
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [key, value] of Object.entries(item)) {
      const id = (value as { operationId?: unknown } | null)?.operationId;
      if (!METHODS.has(key) || typeof id !== 'string' || !wanted.has(id)) continue;
      // Path-level keys (parameters, summary) apply to every operation under the path.
      const kept = (paths[path] ??= Object.fromEntries(Object.entries(item).filter(([k]) => !METHODS.has(k))));
      kept[key] = value;
      wanted.delete(id);
    }
  }
  if (wanted.size > 0) throw new Error(`not in the spec: ${[...wanted].join(', ')}`);
  if (JSON.stringify(paths).includes('"$ref"')) {
    throw new Error('the extracted operations use $ref: copy the referenced components too');
  }
  return {
    'x-vendored': {
      source: SPEC_SOURCE,
      extracted,
      by: 'scripts/spec-update.ts (npm run spec:update -- <path to openapi.yaml>)',
      operations: [...operationIds],
    },
    openapi: spec.openapi,
    info: spec.info,
    paths,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = process.argv[2];
  if (!input) {
    console.error(`usage: npm run spec:update -- <path to PlanetScale's openapi.yaml or .json, from ${SPEC_SOURCE}>`);
    process.exit(1);
  }
  const spec = parseYaml(readFileSync(input, 'utf8')) as Spec; // JSON is YAML too
  const today = new Date().toISOString().slice(0, 10);
  const out = new URL('../test/fixtures/planetscale/openapi.subset.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(extractSubset(spec, OPERATION_IDS, today), null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(out)}: ${OPERATION_IDS.length} operations from ${input}`);
}
