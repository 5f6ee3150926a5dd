// The action seen from the wire: a small proxy in front of the fake API holds grant calls until
// all of them have arrived (so sequential grants would be caught), can alter what the API reports
// granted (so the action's check of the answer is exercised), and can lose the create call's
// answer after PlanetScale acted on it (so the token must be found by name and deleted).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlanetScale } from '../fake-planetscale/index.ts';
import { runJob } from '../harness/index.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };

beforeAll(async () => {
  fake = await FakePlanetScale.start();
  fake.addOrganization('acme');
  for (const db of ['app', 'analytics', 'logs']) fake.addDatabase('acme', db);
  minting = fake.addServiceToken('acme', {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
    databases: { app: ['read_branch'], analytics: ['read_branch'], logs: ['read_branch'] },
  });
});
afterAll(() => fake.close());

interface GrantProxy {
  url: string;
  /** Most grant calls that were waiting at PlanetScale's door at one time. */
  maxWaiting: number;
  /** Resolves when the first grant call is held. */
  granting: Promise<void>;
  close(): Promise<void>;
}

/**
 * Forwards everything to the fake. Grant calls are held until `expected` of them are waiting
 * (or `holdMs`, default 10 s, pass), then all are forwarded; `rewrite` may alter a grant answer's body.
 */
async function grantProxy(
  expected: number,
  rewrite?: (body: { data: unknown[] }) => unknown,
  options: { loseCreateAnswer?: boolean; holdMs?: number } = {},
): Promise<GrantProxy> {
  let waiting: (() => void)[] = [];
  const state = { maxWaiting: 0 };
  let heldOne!: () => void;
  const granting = new Promise<void>((resolve) => (heldOne = resolve));
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, alter: boolean) => {
    const target = new URL(req.url!, fake.url);
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let out = Buffer.concat(chunks);
        if (alter && rewrite && answer.statusCode === 200)
          out = Buffer.from(JSON.stringify(rewrite(JSON.parse(out.toString()) as { data: unknown[] })));
        const headers = { ...answer.headers, 'content-length': String(out.length) };
        res.writeHead(answer.statusCode!, headers).end(out);
      });
    });
    upstream.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (options.loseCreateAnswer && req.method === 'POST' && req.url!.endsWith('/service-tokens')) {
        // Forward, let PlanetScale create the token, then drop the connection instead of answering.
        const upstream = request(new URL(req.url!, fake.url), { method: 'POST', headers: req.headers }, (answer) => {
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
        });
        return upstream.end(body);
      }
      if (req.method !== 'POST' || !req.url!.endsWith('/access')) return forward(req, body, res, false);
      waiting.push(() => forward(req, body, res, true));
      heldOne();
      state.maxWaiting = Math.max(state.maxWaiting, waiting.length);
      const release = () => {
        const all = waiting;
        waiting = [];
        for (const go of all) go();
      };
      if (waiting.length >= expected) release();
      // Grants sent one by one would wait here each time; sent at once, they are released by the last.
      else setTimeout(release, options.holdMs ?? 10_000);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get maxWaiting() {
      return state.maxWaiting;
    },
    granting,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const inputs = (url: string) => ({
  org: 'acme',
  'minting-token-id': minting.id,
  'minting-token': minting.token,
  accesses: 'app: read_branch\nanalytics: read_branch\nlogs: read_branch',
  'org-accesses': 'read_databases',
  'api-url': url,
});

describe('grant round', () => {
  it('sends every grant at once: one round trip for any number of databases', async () => {
    const proxy = await grantProxy(4);
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.exitCode).toBe(0);
      expect(post!.exitCode).toBe(0);
      expect(proxy.maxWaiting).toBe(4);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('fails, and deletes the token, when PlanetScale reports less granted than asked', async () => {
    const proxy = await grantProxy(4, (body) => ({
      ...body,
      data: body.data.filter((r) => (r as { resource: { name: string } }).resource.name !== 'logs'),
    }));
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([
        expect.stringMatching(/^PlanetScale accepted the grants but does not report read_branch on database "logs" as granted/),
      ]);
      expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
      expect(main.outputs).toEqual({});
      expect(post!.exitCode).toBe(0);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('fails, and deletes the token, when PlanetScale reports more granted than asked', async () => {
    const proxy = await grantProxy(4, (body) =>
      body.data.length > 0 && (body.data[0] as { resource: { name: string } }).resource.name === 'app'
        ? { ...body, data: [...body.data, { ...(body.data[0] as object), id: 'extra', access: 'delete_branch' }] }
        : body,
    );
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([
        expect.stringMatching(/^PlanetScale reports accesses that were not asked for: delete_branch on Database "app"/),
      ]);
      expect(main.outputs).toEqual({});
      expect(main.env).toEqual({});
      expect(post!.exitCode).toBe(0);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('grant answers the action cannot read, or about another organization', () => {
  const onApp = (body: { data: unknown[] }, extra: unknown) =>
    body.data.length > 0 && (body.data[0] as { resource: { name: string } }).resource.name === 'app'
      ? { ...body, data: [...body.data, extra] }
      : body;
  const refusals: [string, unknown, RegExp][] = [
    [
      "a flat record in the token object's shape",
      { id: 'extra', access: 'delete_database', resource_type: 'Database', resource_name: 'app' },
      /^PlanetScale reports accesses that were not asked for: delete_database on Database "app"/,
    ],
    [
      '`resource` as a string',
      { id: 'extra', type: 'DatabaseAccess', access: 'delete_database', resource: 'app' },
      /^Failed granting read_branch on database "app": .*access record that cannot be read \(record 2: `resource` is not an object\)/,
    ],
    [
      '`access` as a list',
      { id: 'extra', type: 'DatabaseAccess', access: ['delete_database'], resource: { id: 'd', type: 'Database', name: 'app' } },
      /^Failed granting read_branch on database "app": .*access record that cannot be read \(record 2: `access` is not an access name\)/,
    ],
    [
      'an organization record naming another organization',
      { id: 'extra', type: 'DatabaseAccess', access: 'read_databases', resource: { id: 'o', type: 'Organization', name: 'evil' } },
      /^PlanetScale reports accesses on another organization than "acme": read_databases on Organization "evil"/,
    ],
  ];
  it.each(refusals)('%s: refused, the token deleted, nothing handed over', async (_, extra, error) => {
    const proxy = await grantProxy(4, (body) => onApp(body, extra));
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([expect.stringMatching(error)]);
      expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
      expect(main.outputs).toEqual({});
      expect(main.env).toEqual({});
      expect(main.summary).not.toContain('evil');
      expect(post!.exitCode).toBe(0);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it("reads every record in the token object's shape (service_token_accesses): the job succeeds", async () => {
    const proxy = await grantProxy(4, (body) => ({
      ...body,
      data: body.data.map((r) => {
        const { id, access, resource } = r as { id: string; access: string; resource: { id: string; type: string; name: string } };
        return {
          id,
          access,
          description: '',
          resource_id: resource.id,
          resource_type: resource.type,
          resource_name: resource.name,
          resource: { id: resource.id, name: resource.name },
        };
      }),
    }));
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.errors).toEqual([]);
      expect(main.exitCode).toBe(0);
      expect(JSON.parse(main.outputs['accesses']!)).toHaveLength(4);
      expect(post!.exitCode).toBe(0);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });
});

describe('create', () => {
  it('finds and deletes by name a token whose create answer was lost', async () => {
    const proxy = await grantProxy(4, undefined, { loseCreateAnswer: true });
    try {
      const { main, post } = await runJob({ actionDir, inputs: inputs(proxy.url) });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([
        expect.stringMatching(/^Could not reach PlanetScale at .* while creating a service token in organization "acme"/),
      ]);
      expect(main.maskedLog).toMatch(/The create call may have reached PlanetScale: looking for a token named ".+" to delete/);
      expect(main.maskedLog).toMatch(/Deleted service token ".+", created before the failure/);
      expect(post!.exitCode).toBe(0);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('leaves nothing alive when the job is cancelled while grants are in flight: main deletes the token before it exits', async () => {
    const proxy = await grantProxy(99, undefined, { holdMs: 3_000 }); // holds every grant call for 3 s
    try {
      const { main, post } = await runJob({
        actionDir,
        inputs: inputs(proxy.url),
        signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: proxy.granting },
      });
      expect(main.exitCode).toBe(1);
      expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
      expect(main.state['token-id']).toMatch(/^[a-z0-9]{12}$/);
      expect(main.maskedLog).toMatch(/Deleted service token ".+" after the failure/);
      expect(post!.exitCode).toBe(0);
      expect(post!.maskedLog).toMatch(/Nothing to clean up: the main step left no token alive/);
    } finally {
      await proxy.close();
    }
    expect(fake.mintedTokens()).toEqual([]);
  });
});
