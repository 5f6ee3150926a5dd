// The fake's database and credential routes (get_database, branch passwords, roles): their
// answers validate against the vendored spec, and they take the accesses the spec names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from './fake-planetscale/index.ts';
import { OpenApiSpec } from './openapi-spec.ts';

interface Reply {
  status: number;
  json: unknown;
}

let fake: FakePlanetScale;
let spec: OpenApiSpec;
let minting: { id: string; token: string };
let readOnly: { id: string; token: string };
const ACCESSES = ['read_branch', 'create_branch', 'connect_branch', 'create_branch_password', 'delete_branch_password'];

beforeAll(async () => {
  spec = OpenApiSpec.load();
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  fake.addDatabase('acme', 'app');
  fake.addDatabase('acme', 'shop', { kind: 'postgresql' });
  minting = fake.addServiceToken('acme', { databases: { app: ACCESSES, shop: ACCESSES } });
  readOnly = fake.addServiceToken('acme', { databases: { app: ['read_branch'], shop: ['read_branch'] } });
  for (const db of ['app', 'shop']) {
    expect((await call('POST', `/databases/${db}/branches`, minting, { name: 'dev', parent_branch: 'main' })).status).toBe(201);
  }
}, 60_000);
afterAll(() => fake.close());

async function call(method: string, path: string, as: { id: string; token: string }, body?: unknown): Promise<Reply> {
  const answer = await fetch(`${fake.url}/v1/organizations/acme${path}`, {
    method,
    headers: { Authorization: `${as.id}:${as.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await answer.text();
  return { status: answer.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

function expectConforms(operationId: string, status: string, reply: Reply): void {
  expect(String(reply.status), operationId).toBe(status);
  const validate = spec.validator(operationId, status);
  expect(validate(reply.json) ? [] : validate.errors, `${operationId} ${status}`).toEqual([]);
}

const field = (reply: Reply, name: string): string => String((reply.json as Record<string, unknown>)[name]);

describe('the fake: database and credential routes', () => {
  it('get_database gives the kind', async () => {
    const app = await call('GET', '/databases/app', minting);
    expectConforms('get_database', '200', app);
    expect(field(app, 'kind')).toBe('mysql');
    expect(field(await call('GET', '/databases/shop', minting), 'kind')).toBe('postgresql');
  });

  it('a branch password: create 201 with its secret once, get, list by name, delete 204, then 404', async () => {
    const created = await call('POST', '/databases/app/branches/dev/passwords', minting, { name: 'ci-1', role: 'admin', ttl: 600 });
    expectConforms('create_password', '201', created);
    expect(field(created, 'plain_text')).toMatch(/^pscale_pw_/);
    const path = `/databases/app/branches/dev/passwords/${field(created, 'id')}`;
    const read = await call('GET', path, minting);
    expectConforms('get_password', '200', read);
    expect(field(read, 'plain_text')).toBe('');
    const listed = await call('GET', '/databases/app/branches/dev/passwords?q=ci-1', minting);
    expectConforms('list_passwords', '200', listed);
    expect((listed.json as { data: { id: string }[] }).data.map((p) => p.id)).toEqual([field(created, 'id')]);
    expect((await call('DELETE', path, minting)).status).toBe(204);
    expect((await call('GET', path, minting)).status).toBe(404);
    expect(fake.passwords('acme', 'app').map((p) => [p.name, p.deleted])).toEqual([['ci-1', true]]);
  });

  it('a role: create 200, the default role, delete with a successor', async () => {
    const created = await call('POST', '/databases/shop/branches/dev/roles', minting, {
      name: 'ci-2',
      ttl: 600,
      inherited_roles: ['postgres'],
    });
    expectConforms('create_role', '200', created);
    expect(field(created, 'password')).toMatch(/^pscale_pw_/);
    const defaultRole = await call('GET', '/databases/shop/branches/dev/roles/default', minting);
    expectConforms('get_default_role', '200', defaultRole);
    const path = `/databases/shop/branches/dev/roles/${field(created, 'id')}`;
    expectConforms('get_role', '200', await call('GET', path, minting));
    expectConforms('list_roles', '200', await call('GET', '/databases/shop/branches/dev/roles?q=ci-2', minting));
    expect((await call('DELETE', `${path}?successor=nobody`, minting)).status).toBe(404);
    expect((await call('DELETE', `${path}?successor=${field(defaultRole, 'id')}`, minting)).status).toBe(204);
    expect(fake.roles('acme', 'shop', 'dev').map((r) => [r.name, r.deleted, r.isDefault])).toEqual([
      ['ci-2', true, false],
      ['postgres', false, true],
    ]);
  });

  it('the spec’s accesses: read_branch lists, but neither creates nor deletes', async () => {
    expect((await call('GET', '/databases/app/branches/dev/passwords', readOnly)).status).toBe(200);
    expect((await call('POST', '/databases/app/branches/dev/passwords', readOnly, { role: 'reader' })).status).toBe(404);
    expect((await call('POST', '/databases/shop/branches/dev/roles', readOnly, {})).status).toBe(404);
    const created = await call('POST', '/databases/app/branches/dev/passwords', minting, { role: 'reader' });
    expect((await call('DELETE', `/databases/app/branches/dev/passwords/${field(created, 'id')}`, readOnly)).status).toBe(404);
    // The production branch takes the production variants, which the minting token lacks.
    expect((await call('POST', '/databases/app/branches/main/passwords', minting, { role: 'reader' })).status).toBe(404);
  });

  it('a password on Postgres or a role on Vitess is no such resource; bad bodies are 422', async () => {
    expect((await call('POST', '/databases/shop/branches/dev/passwords', minting, { role: 'admin' })).status).toBe(404);
    expect((await call('POST', '/databases/app/branches/dev/roles', minting, {})).status).toBe(404);
    expect((await call('POST', '/databases/app/branches/dev/passwords', minting, { role: 'owner' })).status).toBe(422);
    expect((await call('POST', '/databases/shop/branches/dev/roles', minting, { inherited_roles: ['superuser'] })).status).toBe(422);
  });
});
