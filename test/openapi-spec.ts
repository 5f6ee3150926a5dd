// The operations of PlanetScale's published OpenAPI spec (https://api.planetscale.com/v1/openapi-spec)
// that the fake serves, vendored in test/fixtures/planetscale/openapi.subset.json by
// scripts/spec-update.ts; looked up by operationId, with ajv validators for their response schemas.
// The fake's conformance tests use it so that the fake answers in the real API's shapes.

import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

export interface SpecResponse {
  content?: Record<string, { schema?: Schema }>;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, SpecResponse>;
}

export class OpenApiSpec {
  readonly ajv = new Ajv({ strict: false, allErrors: true });
  readonly #operations = new Map<string, Operation>();
  readonly #compiled = new Map<string, ValidateFunction>();

  /** Reads the vendored subset of the spec. */
  static load(): OpenApiSpec {
    const specUrl = new URL('./fixtures/planetscale/openapi.subset.json', import.meta.url);
    const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    const loaded = new OpenApiSpec();
    for (const item of Object.values(spec.paths)) {
      for (const op of Object.values(item)) {
        if (op && typeof op === 'object' && op.operationId) loaded.#operations.set(op.operationId, op);
      }
    }
    return loaded;
  }

  has(operationId: string): boolean {
    return this.#operations.has(operationId);
  }

  operation(operationId: string): Operation | undefined {
    return this.#operations.get(operationId);
  }

  response(operationId: string, status: string): SpecResponse {
    const op = this.#operations.get(operationId);
    if (!op) throw new Error(`operation ${operationId} is not in the spec`);
    const res = op.responses?.[status];
    if (!res) throw new Error(`${operationId} has no ${status} response in the spec`);
    return res;
  }

  /** The compiled validator of one response's application/json schema. */
  validator(operationId: string, status: string): ValidateFunction {
    const key = `${operationId} ${status}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      const schema = this.response(operationId, status).content?.['application/json']?.schema;
      if (!schema) throw new Error(`${key} has no application/json schema`);
      validate = this.ajv.compile(schema);
      this.#compiled.set(key, validate);
    }
    return validate;
  }
}
