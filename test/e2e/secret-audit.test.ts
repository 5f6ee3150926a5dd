// Secret exposure audit: the built dist/ run as the runner runs it (test/harness), with
// RUNNER_DEBUG=1 (so the log holds the runner's own lines for every value saved in env, state and
// outputs, as a real debug log does), main then post, on every path a job can take: success (with and without
// export-env; minting credential from inputs, from env, or an OAuth token), a refused grant, an
// API that echoes credentials back in its error bodies (grants, and post's delete), an API that
// answers 500 to everything, a 401, a job cancelled while the grants are in flight, and the
// verified cleanup's paths (a create answered with a path-like ID, 404s while the token is still
// listed or still readable, a token that could not be confirmed gone, a paged grant answer).
//
// Each run is audited the same way (auditJob): where each of the four secret values may appear,
// and nowhere else. The minting ID and the two secrets must never appear outside their own
// ::add-mask:: line. The minted token's ID is an identifier PlanetScale puts in URL paths (debug
// lines show them), so it is held to: masked before any line carries it, and never visible in
// the log a user sees, the summary, or state other than `token-id`.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_ACCESSES, type FakePlanetScale } from '../fake-planetscale/index.ts';
import { startAcme } from './acme.ts';
import { runJob, type JobResult, type StepResult } from '../harness/index.ts';
import { LoopbackPool, json, type Answer, type SeenRequest, type loopback } from './loopback.ts';

const actionDir = fileURLToPath(new URL('../..', import.meta.url));
let fake: FakePlanetScale;
let minting: { id: string; token: string };
const servers = new LoopbackPool();

beforeAll(async () => {
  ({ fake, minting } = await startAcme());
});
afterAll(() => fake.close());
afterEach(async () => {
  await servers.closeAll();
  fake.faults.clear();
  // Whatever a test left alive is deleted, so the next test starts clean; each test asserts its own.
  for (const token of fake.mintedTokens()) {
    await fetch(`${fake.url}/v1/organizations/acme/service-tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Authorization: `${minting.id}:${minting.token}` },
    });
  }
  fake.clearRequests();
});

const server = (...args: Parameters<typeof loopback>) => servers.start(...args);

/**
 * The fake behind a loopback server that notes the minted pair from the create call's answer (the
 * fake never shows a secret again), and lets `handler` answer some calls itself.
 */
type Own = Answer | 'hold' | 'forward';
async function watchedFake(handler?: (req: SeenRequest) => Own | Promise<Own>) {
  const minted = { id: '', token: '' };
  const api = await server(async (req, forward) => {
    if (handler) {
      const own = await handler(req);
      if (own !== 'forward') return own;
    }
    const answer = await forward();
    if (req.method === 'POST' && /\/service-tokens$/.test(req.target) && answer.status === 200) {
      Object.assign(minted, JSON.parse(answer.body!) as { id: string; token: string });
    }
    return answer;
  }, fake.url);
  return { api, minted };
}

const inputs = (apiUrl: string, overrides: Record<string, string> = {}) => ({
  org: 'acme',
  'service-token-id': minting.id,
  'service-token': minting.token,
  accesses: 'app: read_branch, create_branch\nanalytics: read_branch',
  'org-accesses': 'read_databases',
  'api-url': apiUrl,
  ...overrides,
});

interface Secrets {
  mintingId: string;
  mintingSecret: string;
  /** Empty when no token was minted (or main never learnt it). */
  mintedId: string;
  mintedSecret: string;
}

/** Commands the action may issue; anything else (add-path, set-env, echo, …) would be an injection. */
const ALLOWED_COMMANDS = new Set(['add-mask', 'debug', 'error', 'warning', 'notice', 'stop-commands']);

function count(text: string, value: string): number {
  return value ? text.split(value).length - 1 : 0;
}

/** Lines of a step that carry `value` before its ::add-mask:: (or at all, if never masked in the job). */
function carriedBeforeMask(step: StepResult, value: string, maskedEarlier: boolean): number[] {
  if (maskedEarlier) return [];
  const mask = step.lines.indexOf(`::add-mask::${value}`);
  return step.lines.flatMap((line, i) => (line.includes(value) && (mask < 0 || i < mask) ? [i] : []));
}

/** Every place a secret could leak, for one step. Returns the findings, so a failure says where. */
function auditStep(step: StepResult, secrets: Secrets, jobMasks: string[], exportEnv: boolean): string[] {
  const findings: string[] = [];
  const { mintingId, mintingSecret, mintedId, mintedSecret } = secrets;
  const never = { mintingId, mintingSecret, mintedSecret };
  for (const [what, value] of Object.entries(never)) {
    if (!value) continue;
    step.lines.forEach((line, i) => {
      if (line.includes(value) && line !== `::add-mask::${value}`) findings.push(`${what} in line ${i}: ${line}`);
    });
  }
  for (const [what, value] of Object.entries({ ...never, mintedId })) {
    if (!value) continue;
    for (const i of carriedBeforeMask(step, value, jobMasks.includes(value))) findings.push(`${what} before its ::add-mask:: in line ${i}`);
    if (step.maskedLog.includes(value)) findings.push(`${what} visible in the masked log`);
    if (step.files.summary.includes(value)) findings.push(`${what} in GITHUB_STEP_SUMMARY`);
    for (const kind of ['errors', 'warnings', 'notices'] as const) {
      // The runner masks annotations, so the minted ID (a path segment) may be in the raw text.
      if (what !== 'mintedId' && step[kind].some((m) => m.includes(value))) findings.push(`${what} in ${kind}`);
    }
    if (step.path.some((p) => p.includes(value))) findings.push(`${what} in GITHUB_PATH`);
  }
  // State: the minted ID only as token-id; no secret at all (the minting credential is sealed).
  for (const [what, value] of Object.entries(never)) if (count(step.files.state, value) > 0) findings.push(`${what} in GITHUB_STATE`);
  // The runner logs every state value with debug on: the sealed credential, with the minted secret
  // a later step sees, would open to the minting one. It must show as *** only.
  for (const key of ['minting-credential', 'env-before']) {
    const sealed = step.state[key];
    if (sealed && step.maskedLog.includes(sealed)) findings.push(`sealed state ${key} visible in the masked log`);
  }
  for (const [key, value] of Object.entries(step.state)) {
    if (mintedId && value.includes(mintedId) && key !== 'token-id') findings.push(`mintedId in state ${key}`);
  }
  // Outputs and env: the minted pair only under its own names, once each; the minting pair never.
  const handedOver = step.outputs['service-token'] === mintedSecret && mintedSecret !== '';
  const expected = {
    output: { mintedSecret: handedOver ? 1 : 0, mintedId: handedOver ? 1 : 0 },
    env: { mintedSecret: handedOver && exportEnv ? 1 : 0, mintedId: handedOver && exportEnv ? 1 : 0 },
  };
  // Post puts back the env its main found: the minting pair, when the job env held it, once each
  // under its own name, and masked since main's first line.
  const restoring = step.processEnv['STATE_env-before'] !== undefined && step.processEnv['PLANETSCALE_SERVICE_TOKEN'] === mintedSecret;
  const restored =
    restoring && step.env['PLANETSCALE_SERVICE_TOKEN_ID'] === mintingId && step.env['PLANETSCALE_SERVICE_TOKEN'] === mintingSecret;
  if (restored && !(jobMasks.includes(mintingId) && jobMasks.includes(mintingSecret)))
    findings.push('minting credential put back in GITHUB_ENV unmasked');
  for (const file of ['output', 'env'] as const) {
    const allowed = file === 'env' && restored ? 1 : 0;
    if (count(step.files[file], mintingId) !== allowed || count(step.files[file], mintingSecret) !== allowed)
      findings.push(`minting credential in GITHUB_${file.toUpperCase()}`);
    if (count(step.files[file], mintedSecret) !== expected[file].mintedSecret)
      findings.push(`mintedSecret ${count(step.files[file], mintedSecret)} times in GITHUB_${file.toUpperCase()}`);
    if (count(step.files[file], mintedId) !== expected[file].mintedId)
      findings.push(`mintedId ${count(step.files[file], mintedId)} times in GITHUB_${file.toUpperCase()}`);
  }
  if (handedOver) {
    if (step.outputs['service-token-id'] !== mintedId) findings.push('service-token-id output is not the minted ID');
    if (exportEnv && (step.env['PLANETSCALE_SERVICE_TOKEN'] !== mintedSecret || step.env['PLANETSCALE_SERVICE_TOKEN_ID'] !== mintedId)) {
      findings.push('PLANETSCALE_SERVICE_TOKEN(_ID) are not the minted pair');
    }
  }
  for (const c of step.commands) if (!ALLOWED_COMMANDS.has(c.command)) findings.push(`command ${c.command} issued (line ${c.line})`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(step.stdout + step.stderr)) findings.push('a stack trace');
  return findings;
}

function auditJob(job: JobResult, secrets: Secrets, options: { exportEnv?: boolean } = {}): void {
  const exportEnv = options.exportEnv ?? true;
  const { main, post } = job;
  expect(post, 'post ran').toBeDefined();
  // The minting credential is masked before anything else is printed.
  const mintingMasks = [secrets.mintingId, secrets.mintingSecret].filter(Boolean).map((v) => `::add-mask::${v}`);
  expect(main.lines.slice(0, mintingMasks.length).sort()).toEqual(mintingMasks.sort());
  if (secrets.mintedId) {
    // The minted pair is masked the moment the create call answers: nothing comes between.
    const answered = main.lines.findIndex((l) =>
      /^::debug::PlanetScale API POST \/v1\/organizations\/acme\/service-tokens -> 2\d\d /.test(l),
    );
    const masks = [main.lines.indexOf(`::add-mask::${secrets.mintedId}`), main.lines.indexOf(`::add-mask::${secrets.mintedSecret}`)];
    expect(answered).toBeGreaterThanOrEqual(0);
    expect(Math.min(...masks)).toBe(answered + 1);
    expect(Math.max(...masks)).toBe(answered + 2);
  }
  // The audit reads the log as the runner writes it with debug on, its own lines included.
  if (main.state['org']) expect(main.maskedLog).toContain('##[debug]Save intra-action state org = acme');
  expect(auditStep(main, secrets, [], exportEnv)).toEqual([]);
  expect(auditStep(post!, secrets, main.masks, exportEnv)).toEqual([]);
}

const secretsOf = (minted: { id: string; token: string }): Secrets => ({
  mintingId: minting.id,
  mintingSecret: minting.token,
  mintedId: minted.id,
  mintedSecret: minted.token,
});

describe('secret audit (RUNNER_DEBUG=1, main then post)', () => {
  it('happy path, export-env on', async () => {
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(0);
    expect(job.post!.exitCode).toBe(0);
    expect(minted.token).toMatch(/^pscale_tkn_/);
    expect(job.main.outputs['service-token']).toBe(minted.token);
    expect(job.main.maskedLog).toContain('##[debug]Set output service-token = ***');
    // The credential came from inputs, which export-env does not touch: nothing is sealed.
    expect(job.main.state['minting-credential']).toBe('');
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('happy path, export-env off', async () => {
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url, { 'export-env': 'false' }), debug: true });
    expect(job.main.exitCode).toBe(0);
    expect(job.main.env).toEqual({});
    auditJob(job, secretsOf(minted), { exportEnv: false });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a refused grant: main deletes the token and fails', async () => {
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url, { accesses: 'app: read_branch, delete_branch' }), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toMatch(/^PlanetScale refused granting read_branch, delete_branch on database "app"/);
    expect(minted.token).toMatch(/^pscale_tkn_/);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('an API that echoes the credentials in its error bodies: shown trimmed and redacted', async () => {
    // Every grant is answered with a 422 whose code and message echo the Authorization header,
    // the minted pair, workflow commands and a very long tail.
    const { api, minted } = await watchedFake((req) => {
      if (!req.target.endsWith('/access')) return 'forward';
      const auth = String(req.headers.authorization);
      return json(422, {
        code: `invalid ${auth}`,
        message: `Token ${auth} (and ${minted.id}:${minted.token}) is invalid\n::add-path::/tmp/evil\r\n##[set-env name=X]y ${'x'.repeat(5000)}`,
      });
    });
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    auditJob(job, secretsOf(minted));

    // Every grant's answer is shown, redacted (*** for the credentials), on one line, cut to 300 characters.
    const grantErrors = job.main.errors[0]!.split('\n');
    expect(grantErrors).toHaveLength(3);
    for (const message of grantErrors) {
      expect(message).toMatch(
        /^PlanetScale refused granting .* as invalid \(HTTP 422, code "invalid \*\*\*:\*\*\*"\)\. PlanetScale says: "Token \*\*\*:\*\*\* \(and \*\*\*:\*\*\*\) is invalid ::add-path::\/tmp\/evil ##\[set-env name=X\]y x+\.\.\."\.$/,
      );
      const said = /PlanetScale says: (".*")\.$/.exec(message)![1]!;
      expect((JSON.parse(said) as string).length).toBe(300);
      expect(message).not.toContain('pscale_tkn_');
      expect(message).not.toContain(minting.id);
    }
    // The minting credential was only ever sent to api-url, and the token was deleted.
    expect(api.requests.every((r) => r.headers.authorization === `${minting.id}:${minting.token}`)).toBe(true);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('minting credential from env, export-env on: post deletes with it (sealed in state), nothing leaks', async () => {
    const { api, minted } = await watchedFake();
    const env = { PLANETSCALE_SERVICE_TOKEN_ID: minting.id, PLANETSCALE_SERVICE_TOKEN: minting.token };
    const job = await runJob({ actionDir, inputs: inputs(api.url, { 'service-token-id': '', 'service-token': '' }), env, debug: true });
    expect(job.main.exitCode).toBe(0);
    expect(job.post!.exitCode).toBe(0);
    expect(job.main.state['minting-credential']).toBeTruthy();
    expect(job.main.maskedLog).toContain('##[debug]Save intra-action state minting-credential = ***');
    // Post saw the minted pair in env, yet deleted with the minting one, which it had to unseal.
    expect(api.requests.find((r) => r.method === 'DELETE')?.headers.authorization).toBe(`${minting.id}:${minting.token}`);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a minting secret with ".", "+" and "/" echoed by the API: hidden whole, no tail shown', async () => {
    const unusual = fake.addServiceToken(
      'acme',
      { organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'], databases: { app: ['read_branch'] } },
      { credential: { id: 'k2x9ab7q0mzz', token: 'pscale_tkn_ab.r7Hq2+Lm9/Wv4c' } },
    );
    const { api, minted } = await watchedFake((req) =>
      req.target.endsWith('/access')
        ? json(422, { code: 'invalid', message: `bad credential ${String(req.headers.authorization)}` })
        : 'forward',
    );
    const job = await runJob({
      actionDir,
      inputs: inputs(api.url, {
        'service-token-id': unusual.id,
        'service-token': unusual.token,
        accesses: 'app: read_branch',
        'org-accesses': '',
      }),
      debug: true,
    });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toContain('PlanetScale says: "bad credential ***:***"');
    expect(job.main.errors.join('\n')).not.toContain('r7Hq2');
    auditJob(job, { mintingId: unusual.id, mintingSecret: unusual.token, mintedId: minted.id, mintedSecret: minted.token });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('an OAuth api-token echoed by the API (no pscale_ prefix to match): redacted as a known secret', async () => {
    const oauth = fake.addOAuthToken('acme', {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
      databases: { app: ['read_branch'] },
    });
    const { api, minted } = await watchedFake((req) =>
      req.target.endsWith('/access')
        ? json(500, { code: 'internal', message: `failed for ${String(req.headers.authorization)}` })
        : 'forward',
    );
    const job = await runJob({
      actionDir,
      inputs: inputs(api.url, {
        'service-token-id': '',
        'service-token': '',
        'api-token': oauth,
        accesses: 'app: read_branch',
        'org-accesses': '',
      }),
      debug: true,
    });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toMatch(/PlanetScale says: "failed for Bearer \*\*\*"/);
    auditJob(job, { mintingId: '', mintingSecret: oauth, mintedId: minted.id, mintedSecret: minted.token });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('post: a delete answered 500 with the credentials echoed fails post clearly, redacted', async () => {
    const { api, minted } = await watchedFake((req) =>
      req.method === 'DELETE'
        ? json(500, {
            code: `e ${String(req.headers.authorization)}`,
            message: `cannot delete ${req.target} for ${String(req.headers.authorization)}`,
          })
        : 'forward',
    );
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(0);
    expect(job.post!.exitCode).toBe(1);
    expect(job.post!.errors).toEqual([
      expect.stringMatching(
        /^Could not delete service token ".+": PlanetScale failed deleting service token ".+" \(HTTP 500, code "e \*\*\*:\*\*\*"(, after \d+ attempts)?\)/,
      ),
    ]);
    expect(job.post!.errors[0]).toMatch(
      /PlanetScale says: "cannot delete \/v1\/organizations\/acme\/service-tokens\/\*\*\* for \*\*\*:\*\*\*"/,
    );
    auditJob(job, secretsOf(minted));
    // Left alive by design of this test; afterEach deletes it.
    expect(fake.mintedTokens().map((t) => t.id)).toEqual([minted.id]);
  });

  it('an API that answers 500 to everything, echoing the credential in a non-JSON body', async () => {
    const api = await server((req) => ({
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: `<html><body>Internal error for ${String(req.headers.authorization)} pscale_tkn_${'z'.repeat(40)}\n::add-path::/tmp/evil</body></html>`,
    }));
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    // (Matched loosely around the API's text: retries may add to the wording.)
    expect(job.main.errors[0]).toMatch(/^PlanetScale failed creating a service token in organization "acme" \(HTTP 500/);
    expect(job.main.errors[0]).toContain(
      'PlanetScale says: "<html><body>Internal error for ***:*** *** ::add-path::/tmp/evil</body></html>"',
    );
    // Main could not look the token up (500 again), so post looks again, and fails saying why.
    expect(job.post!.exitCode).toBe(1);
    expect(job.post!.errors).toEqual([
      expect.stringMatching(/^Could not delete service token ".+": Listing service tokens to look for .* failed: .*HTTP 500/),
    ]);
    auditJob(job, secretsOf({ id: '', token: '' }));
    expect(api.requests.length).toBeGreaterThanOrEqual(3);
    expect(api.requests.every((r) => r.headers.authorization === `${minting.id}:${minting.token}`)).toBe(true);
  });

  it('a 401: the minting credential rejected', async () => {
    const wrong = 'pscale_tkn_wrongwrongwrongwrongwrongwrongwrongwrong';
    const job = await runJob({ actionDir, inputs: inputs(fake.url, { 'service-token': wrong }), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors).toEqual([expect.stringMatching(/^PlanetScale rejected the minting credential \(HTTP 401/)]);
    expect(job.post!.exitCode).toBe(0);
    auditJob(job, { mintingId: minting.id, mintingSecret: wrong, mintedId: '', mintedSecret: '' });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a create answered with a path-like ID: the token is found by name and deleted, its real ID masked first', async () => {
    fake.faults.script(
      { method: 'POST', path: '/v1/organizations/acme/service-tokens' },
      { kind: 'altered-answer', alter: (body) => ({ ...(body as object), id: '../x' }) },
    );
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toMatch(/with an ID that does not look like a service token ID/);
    expect(job.main.maskedLog).toMatch(/Deleted service token ".+", created before the failure/);
    expect(minted.id).toBe('../x');
    // The real ID is learnt from the list by name: masked before it is used, and shown nowhere.
    const realId = fake.requests
      .find((r) => r.method === 'DELETE')!
      .path.split('/')
      .at(-1)!;
    expect(job.main.masks).toContain(realId);
    auditJob(job, { ...secretsOf(minted), mintedId: '' });
    expect(auditStep(job.main, { ...secretsOf(minted), mintedId: realId }, [], true)).toEqual([]);
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a grant error that echoes its path where the message is cut: no part of the minted ID shows', async () => {
    const prefix = '/v1/organizations/acme/service-tokens/';
    const { api, minted } = await watchedFake((req) => {
      if (req.method === 'POST' && req.target.endsWith('/access')) {
        // Padded so that the 300-character cut of API text falls inside the ID.
        const message = `${'a'.repeat(290 - ' for '.length - prefix.length)} for ${req.target}`;
        return json(422, { code: 'unprocessable', message });
      }
      return 'forward';
    });
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(minted.id.length).toBeGreaterThan(4);
    const grantError = job.main.errors.find((e) => e.includes('aaaa'));
    expect(grantError).toContain(`for ${prefix}***/access`);
    for (const text of [...job.main.errors, job.main.maskedLog]) expect(text).not.toContain(minted.id.slice(0, 6));
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a create answered with a secret that is not one line of printable text: refused, and the token deleted', async () => {
    fake.faults.script(
      { method: 'POST', path: '/v1/organizations/acme/service-tokens' },
      { kind: 'altered-answer', alter: (body) => ({ ...(body as object), token: `${(body as { token: string }).token} ` }) },
    );
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toMatch(/with a secret that is not one line of printable text/);
    expect(job.main.outputs['service-token']).toBeUndefined();
    const secret = minted.token.trim();
    for (const step of [job.main, job.post!]) {
      expect(step.maskedLog).not.toContain(secret);
      expect(step.files.summary + step.files.state + step.files.env + step.files.output).not.toContain(secret);
    }
    expect(fake.mintedTokens()).toEqual([]);
  });

  it("a create answered with the minting credential's own ID: never granted to nor deleted; the real token is found by name and deleted", async () => {
    fake.faults.script(
      { method: 'POST', path: '/v1/organizations/acme/service-tokens' },
      { kind: 'altered-answer', alter: (body) => ({ ...(body as object), id: minting.id }) },
    );
    const { api, minted } = await watchedFake();
    const job = await runJob({ actionDir, inputs: inputs(api.url), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toMatch(/with the ID of the minting credential itself, not of a new token/);
    expect(job.main.maskedLog).toMatch(/Deleted service token ".+", created before the failure/);
    expect(minted.id).toBe(minting.id);
    const ownPath = `/v1/organizations/acme/service-tokens/${minting.id}`;
    expect(fake.requests.filter((r) => r.path.startsWith(ownPath) && r.method !== 'GET')).toEqual([]);
    expect(fake.token(minting.id)?.deleted).toBe(false);
    expect(fake.mintedTokens()).toEqual([]);
    expect(job.post!.exitCode).toBe(0);
    auditJob(job, { ...secretsOf(minted), mintedId: '' });
  });

  it('DELETE and GET answered 404 while the token is still listed by name: deleted by the listed ID, nothing leaks', async () => {
    const { api, minted } = await watchedFake();
    fake.faults.script({ method: 'DELETE', path: /\/service-tokens\/[^/]+$/ }, { kind: 'status', status: 404 });
    // Not main's read of the minting token's own accesses: the minted token's.
    fake.faults.script({ method: 'GET', path: new RegExp(`/service-tokens/(?!${minting.id}$)[^/]+$`) }, { kind: 'status', status: 404 });
    const job = await runJob({ actionDir, inputs: inputs(api.url, { accesses: 'app: read_branch, delete_branch' }), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.maskedLog).toMatch(/is still listed by its name although PlanetScale answered 404 for its ID/);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a token that could not be confirmed gone (the lookup by name refused): the messages leak nothing', async () => {
    let deletes = 0;
    const { api, minted } = await watchedFake((req) => {
      if (req.method === 'DELETE' && deletes++ === 0) return json(404, { code: 'not_found', message: 'Not Found' });
      if (req.method === 'GET' && /\/service-tokens\/[^/?]+$/.test(req.target))
        return json(404, { code: 'not_found', message: 'Not Found' });
      if (req.method === 'GET' && /\/service-tokens\?/.test(req.target))
        return json(403, { code: 'forbidden', message: `no read for ${String(req.headers.authorization)}` });
      return 'forward';
    });
    const job = await runJob({ actionDir, inputs: inputs(api.url, { accesses: 'app: read_branch, delete_branch' }), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[1]).toMatch(
      /^Could not confirm that service token ".+" is gone after the failure: .*HTTP 403.*stays valid until/,
    );
    expect(job.post!.exitCode).toBe(0);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a DELETE answered 404 once while the token can still be read: deleted on the second try, nothing leaks', async () => {
    const { api, minted } = await watchedFake();
    fake.faults.script({ method: 'DELETE', path: /\/service-tokens\/[^/]+$/ }, { kind: 'status', status: 404 });
    const job = await runJob({ actionDir, inputs: inputs(api.url, { accesses: 'app: read_branch, delete_branch' }), debug: true });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.maskedLog).toMatch(/on the second try: the first 404 came from PlanetScale's reads lagging behind its writes/);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('30 accesses with a paged grant answer, read through: nothing leaks', async () => {
    const thirty = DATABASE_ACCESSES.slice(0, 30);
    const wide = fake.addServiceToken('acme', {
      organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens'],
      databases: { app: [...thirty] },
    });
    const { api, minted } = await watchedFake();
    const job = await runJob({
      actionDir,
      inputs: inputs(api.url, {
        'service-token-id': wide.id,
        'service-token': wide.token,
        accesses: `app: ${thirty.join(' ')}`,
        'org-accesses': '',
      }),
      debug: true,
    });
    expect(job.main.exitCode).toBe(0);
    expect(api.requests.some((r) => r.method === 'GET' && r.target === `/v1/organizations/acme/service-tokens/${minted.id}`)).toBe(true);
    auditJob(job, { mintingId: wide.id, mintingSecret: wide.token, mintedId: minted.id, mintedSecret: minted.token });
    expect(fake.mintedTokens()).toEqual([]);
  });

  it('a job cancelled while the grants are in flight: the token is deleted, nothing leaks', async () => {
    let granting!: () => void;
    const held = new Promise<void>((resolve) => (granting = resolve));
    const { api, minted } = await watchedFake((req) => {
      if (!req.target.endsWith('/access')) return 'forward';
      granting();
      return 'hold';
    });
    const job = await runJob({
      actionDir,
      inputs: inputs(api.url),
      debug: true,
      signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: held },
      graceMs: { sigterm: 500, kill: 500 },
    });
    expect(job.main.cancelled).toBe(true);
    expect(job.main.state['token-id']).toBe(minted.id);
    expect(job.post!.exitCode).toBe(0);
    // Main deletes it within the grace period; post would, had main been killed first.
    expect(job.main.maskedLog + job.post!.maskedLog).toMatch(/Deleted service token/);
    auditJob(job, secretsOf(minted));
    expect(fake.mintedTokens()).toEqual([]);
  });
});
