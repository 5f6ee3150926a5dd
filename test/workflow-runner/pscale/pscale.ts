// A pscale stand-in for the example workflows' run steps: the subcommands they call, against the
// fake API, with pscale's calls, messages, output shapes and exit codes, read from its source
// (https://github.com/planetscale/cli), file by file:
//   branch create/show/delete: https://github.com/planetscale/cli/blob/main/internal/cmd/branch/create.go,
//     .../branch/show.go, .../branch/delete.go
//   deploy-request create/show/close/review/deploy: https://github.com/planetscale/cli/blob/main/internal/cmd/deployrequest/create.go,
//     .../deployrequest/show.go, .../deployrequest/close.go, .../deployrequest/review.go, .../deployrequest/deploy.go
//   404s on branch commands: HandleNotFoundWithServiceTokenCheck in
//     https://github.com/planetscale/cli/blob/main/internal/cmdutil/auth.go
//   other API errors: HandleError in https://github.com/planetscale/cli/blob/main/internal/cmdutil/errors.go
//     and the API's own message (https://github.com/planetscale/cli/blob/main/internal/planetscale/client.go)
//   "Error: <message>" on stderr, exit 2 (1 when the user must act), or with --format json an
//     envelope on stdout: Execute in https://github.com/planetscale/cli/blob/main/internal/cmd/root.go,
//     https://github.com/planetscale/cli/blob/main/internal/cmdutil/json_error.go
//   credentials and PLANETSCALE_* env (viper: every flag, prefix "planetscale", "-" as "_"):
//     https://github.com/planetscale/cli/blob/main/internal/cmd/root.go,
//     https://github.com/planetscale/cli/blob/main/internal/config/config.go,
//     CheckAuthentication in https://github.com/planetscale/cli/blob/main/internal/cmdutil/cmdutil.go
// Not verbatim: human-format tables (pscale draws them with a table library; the examples read
// JSON) and cobra's full usage text after "missing argument".
import { parseArgs } from 'node:util';
import { PscaleClient, type ApiJson, type PscaleReply } from '../../pscale-client.ts';

/** cmdutil.Error: ExitCode 1 means the user must act (ActionRequestedExitCode); others exit 2. */
class PscaleError extends Error {
  readonly exitCode: number;
  readonly apiCode: string;
  /** Already printed as JSON (cmdutil.JSONReportedError): only the exit code is left. */
  readonly handled: boolean;

  constructor(message: string, exitCode = 2, apiCode = '', handled = false) {
    super(message);
    this.exitCode = exitCode;
    this.apiCode = apiCode;
    this.handled = handled;
  }
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: 'string' },
    'service-token-id': { type: 'string' },
    'service-token': { type: 'string' },
    'api-url': { type: 'string' },
    format: { type: 'string', short: 'f', default: 'human' },
    from: { type: 'string' },
    into: { type: 'string' },
    notes: { type: 'string' },
    force: { type: 'boolean' },
    approve: { type: 'boolean' },
    comment: { type: 'string' },
    wait: { type: 'boolean' },
  },
});
const env = process.env;
// Flags win over PLANETSCALE_* env (viper's precedence; presetRequiredFlags in root.go).
const id = flags['service-token-id'] ?? env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '';
const token = flags['service-token'] ?? env['PLANETSCALE_SERVICE_TOKEN'] ?? '';
const org = flags.org ?? env['PLANETSCALE_ORG'] ?? '';
const format = flags.format ?? env['PLANETSCALE_FORMAT'] ?? 'human';
const json = format === 'json';

/** PrintResource in JSON: the Go struct's fields in its order, zero values for what is absent. */
function shape(value: ApiJson | null | undefined, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, zero]) => [k, value?.[k] ?? zero]));
}
const ACTOR = {};
// planetscale.DatabaseBranch, DeployRequest, Deployment, DeployRequestReview in
// https://github.com/planetscale/cli/blob/main/internal/planetscale/branches.go and .../deploy_requests.go
const branchJson = (b: ApiJson) =>
  shape(b, {
    id: '',
    name: '',
    parent_branch: '',
    actor: ACTOR,
    region: {},
    ready: false,
    production: false,
    html_url: '',
    created_at: null,
    updated_at: null,
    safe_migrations: false,
    vtgate_size: '',
    vtgate_count: 0,
  });
const deployRequestJson = (dr: ApiJson) => ({
  ...shape(dr, {
    id: '',
    branch: '',
    into_branch: '',
    actor: ACTOR,
    closed_by: null,
    branch_deleted_by: null,
    number: 0,
    state: '',
    deployment_state: '',
    approved: false,
    notes: '',
    deployment: null,
    html_url: '',
    created_at: null,
    updated_at: null,
    closed_at: null,
    deployed_at: null,
  }),
  deployment: dr?.deployment
    ? shape(dr.deployment, {
        id: '',
        state: '',
        deployable: false,
        lint_errors: null,
        deploy_request_number: 0,
        into_branch: '',
        preceding_deployments: null,
        instant_ddl_eligible: false,
        instant_ddl: false,
        actor: null,
        cutover_actor: null,
        cancelled_actor: null,
        created_at: null,
        updated_at: null,
        started_at: null,
        queued_at: null,
        finished_at: null,
      })
    : null,
});
const reviewJson = (r: ApiJson) => shape(r, { id: '', body: '', state: '', actor: ACTOR, created_at: null, updated_at: null });

function out(text: string): void {
  process.stdout.write(text);
}
function resource(value: unknown, human: string): void {
  out(json ? `${JSON.stringify(value, null, 2)}\n` : human);
}

/** HandleError: the API's message (client.go takes it from the body), else HTTP's status text. */
function apiError(reply: PscaleReply): PscaleError {
  const body = reply.json;
  if (body && typeof body === 'object' && (body.message || body.code))
    return new PscaleError(String(body.message ?? ''), 2, String(body.code ?? ''));
  if (reply.status === 404) return new PscaleError('Not Found');
  return new PscaleError(
    `received HTTP ${reply.status} with an unrecognized error response: ${typeof body === 'string' ? body : JSON.stringify(body ?? '')}`,
  );
}

function requiredArgs(use: string, names: string[]): string[] {
  const rest = positionals.slice(2);
  if (rest.length >= names.length) return rest;
  const missing = names.slice(rest.length);
  const what = missing.length === 1 ? `argument <${missing[0]}>` : `arguments <${missing.join(', ')}>`;
  throw new PscaleError(`missing ${what} \n\nUsage:\n  pscale ${positionals[0]} ${use} [flags]\n`);
}

async function run(pscale: () => PscaleClient): Promise<void> {
  const [group, command] = positionals;
  const inOrg = `(organization: ${org})`;

  /**
   * HandleNotFoundWithServiceTokenCheck: a 404 seen with a service token first checks the token
   * by listing organizations; a refused list means a bad token, else the 404 is worded with the
   * access the token may lack. The stand-in always authenticates with a service token.
   */
  async function notFound(access: string, message: string): Promise<never> {
    if ((await pscale().organizations()).status !== 200) {
      const fromEnv = Boolean(env['PLANETSCALE_SERVICE_TOKEN_ID'] || env['PLANETSCALE_SERVICE_TOKEN']);
      const [how, check] = fromEnv
        ? ['environment variables', 'Please check your PLANETSCALE_SERVICE_TOKEN_ID and PLANETSCALE_SERVICE_TOKEN environment variables.']
        : ['command-line flags', 'Please check your --service-token-id and --service-token flag values.'];
      throw new PscaleError(
        `Authentication failed. Your service token appears to be invalid.\n\nYou are currently authenticating using ${how}. ${check}\n\n` +
          'Service tokens can be provided in two ways:\n  1. Environment variables: PLANETSCALE_SERVICE_TOKEN_ID and PLANETSCALE_SERVICE_TOKEN\n' +
          '  2. Command-line flags: --service-token-id and --service-token\n\nTo create a new service token, run: pscale service-token create\n' +
          'To list existing service tokens, run: pscale service-token list',
        1,
      );
    }
    throw new PscaleError(
      `${message}\n\nNote: You are using a service token for authentication. If this resource exists, your service token may not have the required '${access}' permission to access it. Please check your service token permissions`,
    );
  }

  /**
   * pscale's Databases.Get before a branch command. The fake has no get_database route; its
   * list shows a token the databases it holds any access on, the rule the spec gives get_database.
   */
  async function database(db: string, access: string, message: () => string | Promise<string>): Promise<void> {
    const reply = await pscale().request('GET', `/v1/organizations/${encodeURIComponent(org)}/databases?per_page=100`);
    if (reply.status === 200 && reply.json.data.some((d: { name: string }) => d.name === db)) return;
    if (reply.status !== 200 && reply.status !== 404) throw apiError(reply);
    return notFound(access, await message());
  }

  /** pscale's Organizations.Get, from the list for the same reason. */
  async function organizationExists(): Promise<boolean> {
    const reply = await pscale().organizations();
    return reply.status !== 200 || reply.json.data.some((o: { name: string }) => o.name === org);
  }

  /** show and deploy take a number or a branch: DeployRequestBranchToNumber in cmdutil.go. */
  async function number(db: string, arg: string, state: string): Promise<string> {
    if (/^\d+$/.test(arg)) return String(BigInt(arg));
    const query = new URLSearchParams({ ...(state ? { state } : {}), ...(arg ? { branch: arg } : {}) }).toString();
    const reply = await pscale().listDeployRequests(db, query ? `?${query}` : '');
    if (reply.status === 404) throw new PscaleError(`database ${db} does not exist in organization ${org}`);
    if (reply.status !== 200) throw apiError(reply);
    const first = reply.json.data[0];
    if (!first) throw new PscaleError(`no deploy requests found for branch ${arg}`);
    return String(first.number);
  }

  switch (`${group} ${command}`) {
    case 'branch create': {
      const [db, branch] = requiredArgs('create <source-database> <branch> [options]', ['source-database', 'branch']) as [string, string];
      authenticated();
      await database(db, 'read_branch', async () =>
        (await organizationExists()) ? `source database ${db} does not exist in organization ${org}` : `organization ${org} does not exist`,
      );
      const reply = await pscale().createBranch(db, branch, flags.from);
      if (reply.status === 404) {
        await notFound(
          'create_branch',
          flags.from
            ? `source branch ${flags.from} or database ${db} does not exist ${inOrg}`
            : `source database ${db} does not exist in organization ${org}`,
        );
      }
      if (reply.status !== 201) throw apiError(reply);
      return resource(
        branchJson(reply.json),
        `Branch ${reply.json.name} was successfully created.\n\nView this branch in the browser: ${reply.json.html_url}\n`,
      );
    }
    case 'branch show': {
      const [db, branch] = requiredArgs('show <source-database> <branch>', ['source-database', 'branch']) as [string, string];
      authenticated();
      await database(db, 'read_branch', () => `database ${db} does not exist ${inOrg}`);
      const reply = await pscale().getBranch(db, branch);
      if (reply.status === 404) await notFound('read_branch', `branch ${branch} does not exist in database ${db} ${inOrg}`);
      if (reply.status !== 200) throw apiError(reply);
      const b = reply.json;
      return resource(
        branchJson(b),
        `NAME\tPARENT BRANCH\tREGION\tPRODUCTION\tSAFE MIGRATIONS\tREADY\n${b.name}\t${b.parent_branch || 'n/a'}\t${b.region?.slug ?? ''}\t${b.production ? 'Yes' : 'No'}\t${b.safe_migrations ? 'Yes' : 'No'}\t${b.ready ? 'Yes' : 'No'}\n`,
      );
    }
    case 'branch delete': {
      const [db, branch] = requiredArgs('delete <database> <branch>', ['database', 'branch']) as [string, string];
      authenticated();
      await database(db, 'delete_branch', () => `database ${db} does not exist in organization ${org}`);
      if (!flags.force) {
        if (format !== 'human')
          throw new PscaleError(`cannot delete branch with the output format "${format}" (run with --force to override)`);
        const found = await pscale().getBranch(db, branch);
        if (found.status === 404) await notFound('delete_branch', `branch ${branch} does not exist in database ${db} ${inOrg}`);
        if (found.status !== 200) throw apiError(found);
        // Steps have no terminal to type the confirmation in.
        throw new PscaleError(`cannot confirm deletion of branch "${db}/${branch}" (run with --force to override)`);
      }
      const reply = await pscale().deleteBranch(db, branch);
      if (reply.status === 404) await notFound('delete_branch', `database ${db} or branch ${branch} does not exist in organization ${org}`);
      if (reply.status !== 204) throw apiError(reply);
      // A Go map: its keys come out sorted.
      return resource({ branch, result: 'branch deleted' }, `Branch ${branch} was successfully deleted from ${db}.\n`);
    }
    case 'deploy-request create': {
      const [db, branch] = requiredArgs('create <database> <branch>', ['database', 'branch']) as [string, string];
      authenticated();
      const reply = await pscale().createDeployRequest(db, branch, {
        ...(flags.into ? { into: flags.into } : {}),
        notes: flags.notes ?? '',
      });
      if (reply.status === 404) throw new PscaleError(`database ${db} does not exist in ${org}`);
      if (reply.status !== 201) throw apiError(reply);
      return resource(
        deployRequestJson(reply.json),
        `Deploy request #${reply.json.number} successfully created.\n\nView this deploy request in the browser: ${reply.json.html_url}\n`,
      );
    }
    case 'deploy-request show': {
      const [db, arg] = requiredArgs('show <database> <number|branch>', ['database', 'number|branch']) as [string, string];
      authenticated();
      const n = await number(db, arg, '');
      const reply = await pscale().getDeployRequest(db, Number(n));
      if (reply.status === 404) throw new PscaleError(`deploy request '${db}/${n}' does not exist in organization ${org}`);
      if (reply.status !== 200) throw apiError(reply);
      return resource(deployRequestJson(reply.json), deployRequestRow(reply.json));
    }
    case 'deploy-request close': {
      const [db, arg] = requiredArgs('close <database> <number>', ['database', 'number']) as [string, string];
      authenticated();
      if (!/^\d+$/.test(arg))
        throw new PscaleError(`the argument <number> is invalid: strconv.ParseUint: parsing ${JSON.stringify(arg)}: invalid syntax`);
      const reply = await pscale().closeDeployRequest(db, Number(arg));
      if (reply.status === 404) throw new PscaleError(`deploy request '${db}/${arg}' does not exist in organization ${org}`);
      if (reply.status !== 200) throw apiError(reply);
      return resource(deployRequestJson(reply.json), `Deploy request ${db}/${reply.json.number} was successfully closed.\n`);
    }
    case 'deploy-request review': {
      const [db, arg] = requiredArgs('review <database> <number>', ['database', 'number']) as [string, string];
      authenticated();
      if (!flags.approve && !flags.comment) throw new PscaleError('neither --approve nor --comment is set');
      if (!/^\d+$/.test(arg))
        throw new PscaleError(`the argument <number> is invalid: strconv.ParseUint: parsing ${JSON.stringify(arg)}: invalid syntax`);
      const reply = await pscale().reviewDeployRequest(db, Number(arg), flags.approve ? 'approved' : 'commented', flags.comment);
      if (reply.status === 404) throw new PscaleError(`deploy request '${db}/${arg}' does not exist in organization ${org}`);
      if (reply.status !== 201 && reply.status !== 200) throw apiError(reply);
      return resource(
        reviewJson(reply.json),
        flags.approve ? `Deploy request ${db}/${arg} is approved.\n` : `A comment is added to the deploy request ${db}/${arg}.\n`,
      );
    }
    case 'deploy-request deploy': {
      const [db, arg] = requiredArgs('deploy <database> <number|branch>', ['database', 'number|branch']) as [string, string];
      authenticated();
      // An empty argument lists every open deploy request and deploys the first: hence pipefail.
      const n = await number(db, arg, 'open');
      const reply = await pscale().deployDeployRequest(db, Number(n));
      if (reply.status === 404) throw new PscaleError(`deploy request '${db}/${n}' does not exist in organization ${org}`);
      if (reply.status !== 200 && reply.status !== 201) throw apiError(reply);
      if (!flags.wait) {
        if (!json)
          return out(
            `Successfully queued deploy request ${db}/${n} from ${reply.json.branch} for deployment to ${reply.json.into_branch}.\n`,
          );
        return resource(deployRequestJson(reply.json), '');
      }
      const state = await deployed(pscale(), db, Number(n));
      const said =
        {
          complete_pending_revert: `Deploy request ${db}/${n} is successfully deployed and revertable. You can skip the revert to unblock the deploy queue.\n\n`,
          pending_cutover: `Deploy request ${db}/${n} is successfully staged and waiting to be applied.\n\n`,
        }[state] ?? `Deploy request ${db}/${n} is successfully deployed.\n\n`;
      // Then the deploy call's reply, as pscale prints it (not the state it waited for).
      return resource(deployRequestJson(reply.json), said + deployRequestRow(reply.json));
    }
    default:
      throw new PscaleError(`unknown command "${positionals.join(' ')}" for "pscale" (this stand-in knows branch and deploy-request)`);
  }
}

function deployRequestRow(dr: ApiJson): string {
  return `ID\tNUMBER\tBRANCH\tINTO BRANCH\tAPPROVED\tSTATE\tDEPLOY STATE\n${dr.id}\t${dr.number}\t${dr.branch}\t${dr.into_branch}\t${dr.approved ? 'Yes' : 'No'}\t${dr.state}\t${dr.deployment?.state ?? ''}\n`;
}

/** deploy --wait: polls until the deployment is done; GET errors are retried (deploy.go's waitUntilReady). */
async function deployed(pscale: PscaleClient, db: string, n: number): Promise<string> {
  // The fake deploys at once, so a far shorter deadline than pscale's does.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reply = await pscale.getDeployRequest(db, n).catch(() => undefined);
    const state = reply?.status === 200 ? reply.json.deployment?.state : undefined;
    if (state === 'complete' || state === 'complete_pending_revert' || state === 'pending_cutover') return state;
  }
  throw new PscaleError('deploy request queueing timed out');
}

const WARN_AUTH = "not authenticated yet. Please run 'pscale auth login'";

function noAuth(): PscaleError | undefined {
  let reason = '';
  if (Boolean(id) !== Boolean(token)) reason = 'both --service-token and --service-token-id are required for service token authentication';
  else if (id.startsWith('pscale_tkn_') && token.length === 12)
    reason = 'it looks like you swapped the --service-token and --service-token-id values';
  // No OAuth login on a runner: without a service token pscale has nothing to use.
  else if (!id) reason = "you must run 'pscale auth login' to authenticate before using this command";
  if (!reason) return undefined;
  if (json) {
    out(
      `${JSON.stringify(
        {
          status: 'action_required',
          authenticated: false,
          code: 'NO_AUTH',
          error: reason,
          agent_guide_command: 'pscale agent-guide --format json',
          issues: [{ code: 'NO_AUTH', message: reason, remediation: 'Run `pscale auth login --format json`' }],
          next_steps: ['pscale auth login --format json', 'pscale auth check --format json'],
        },
        null,
        2,
      )}\n`,
    );
    return new PscaleError(reason, 1, '', true);
  }
  return new PscaleError(`${WARN_AUTH}\nError: ${reason}`);
}

/** CheckAuthentication (the branch and deploy-request groups' PersistentPreRunE), then cobra's required --org. */
function authenticated(): void {
  const err = noAuth();
  if (err) throw err;
  if (!org) throw new PscaleError('required flag(s) "org" not set');
}

/** GlobalJSONError, for the messages this stand-in can print. */
function jsonEnvelope(err: PscaleError): { body: object; exitCode: number } {
  const msg = err.message;
  let [status, code, next] = ['error', 'COMMAND_FAILED', ['pscale auth check --format json', 'pscale agent-guide --format json']];
  if (msg.includes(WARN_AUTH) || msg.toLowerCase().includes('not authenticated'))
    [status, code, next] = ['action_required', 'NO_AUTH', ['pscale auth login --format json', 'pscale auth check --format json']];
  else if (msg.includes('Authentication failed') && msg.includes('service token')) {
    [status, code, next] = [
      'action_required',
      'SERVICE_TOKEN_INVALID',
      [
        'Verify --service-token-id and --service-token values (or PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN)',
        'pscale auth check --format json',
      ],
    ];
  } else if (/missing arguments?|required flag/.test(msg))
    [status, code, next] = [
      'action_required',
      'INVALID_USAGE',
      ['Re-run with the missing arguments or flags named in the error message', 'pscale agent-guide --format json'],
    ];
  else if (msg.includes('unknown command'))
    [code, next] = ['UNKNOWN_COMMAND', ['Run `pscale --help` to list valid commands', 'pscale agent-guide --format json']];
  else if (msg.includes('run with --force'))
    [status, code, next] = [
      'action_required',
      'CONFIRMATION_REQUIRED',
      ['Ask the user to approve this action', 'Re-run the same command with --force after approval'],
    ];
  else if (msg.includes('does not exist'))
    [code, next] = ['NOT_FOUND', ['pscale org list --format json', 'pscale database list --org <org> --format json']];
  if (err.apiCode) code = err.apiCode;
  const body = { status, error: msg, issues: [{ code, message: msg }], next_steps: next };
  return { body, exitCode: status === 'action_required' ? 1 : err.exitCode };
}

try {
  let client: PscaleClient | undefined;
  await run(
    () =>
      (client ??= new PscaleClient({
        id,
        token,
        org,
        apiUrl: flags['api-url'] ?? env['PLANETSCALE_API_URL'] ?? 'https://api.planetscale.com',
      })),
  );
} catch (caught) {
  const err = caught instanceof PscaleError ? caught : new PscaleError(caught instanceof Error ? caught.message : String(caught));
  if (err.handled) {
    process.exitCode = err.exitCode;
  } else if (json) {
    const { body, exitCode } = jsonEnvelope(err);
    out(`${JSON.stringify(body, null, 2)}\n`);
    process.exitCode = exitCode;
  } else {
    console.error(`Error: ${err.message}`);
    process.exitCode = err.exitCode;
  }
}
