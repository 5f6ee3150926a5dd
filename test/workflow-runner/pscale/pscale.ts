// A pscale stand-in for the example workflows' run steps: the subcommands they call, against the
// fake API, authenticated and worded as pscale (https://github.com/planetscale/cli) does. No
// internet here, so the wording follows pscale's source as known, file by file:
//   branch create/show/delete: https://github.com/planetscale/cli/tree/main/internal/cmd/branch
//   deploy-request create/show/review/deploy: https://github.com/planetscale/cli/tree/main/internal/cmd/deployrequest
//   "Error: <message>" on stderr and exit 1: https://github.com/planetscale/cli/blob/main/cmd/pscale/main.go
//   flags and their PLANETSCALE_* env names: https://github.com/planetscale/cli/blob/main/internal/cmd/root.go
// A 404 is what PlanetScale answers for a missing access too, so pscale's "does not exist"
// messages are what a token without the access sees.
import { parseArgs } from 'node:util';
import { PscaleClient, type PscaleReply } from '../../pscale-client.ts';

class PscaleError extends Error {}

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
// Flags win over PLANETSCALE_* env (viper's binding in root.go).
const id = flags['service-token-id'] ?? env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '';
const token = flags['service-token'] ?? env['PLANETSCALE_SERVICE_TOKEN'] ?? '';
const org = flags.org ?? env['PLANETSCALE_ORG'] ?? '';
const json = flags.format === 'json';

function print(reply: PscaleReply, human: string): void {
  console.log(json ? JSON.stringify(reply.json, null, 2) : human);
}

/** pscale's cmdutil.HandleError: the API's own message for anything it does not word itself. */
function fail(reply: PscaleReply, notFound: string): never {
  if (reply.status === 404) throw new PscaleError(notFound);
  throw new PscaleError(typeof reply.json?.message === 'string' ? reply.json.message : `HTTP ${reply.status}`);
}

function args(count: number, usage: string): string[] {
  const rest = positionals.slice(2);
  if (rest.length < count) throw new PscaleError(`requires at least ${count} arg(s), only received ${rest.length}\nUsage: pscale ${usage}`);
  return rest;
}

async function run(): Promise<void> {
  if (!id || !token) throw new PscaleError("not authenticated yet. Please run 'pscale auth login'");
  if (!org) throw new PscaleError('no organization set; pass --org or run `pscale org switch`');
  const pscale = new PscaleClient({ id, token, org, apiUrl: flags['api-url'] ?? env['PLANETSCALE_API_URL'] ?? 'https://api.planetscale.com' });
  const [group, command] = positionals;
  const inOrg = `(organization: ${org})`;
  switch (`${group} ${command}`) {
    case 'branch create': {
      const [db, branch] = args(2, 'branch create <database> <branch> [flags]') as [string, string];
      const reply = await pscale.createBranch(db, branch, flags.from);
      if (reply.status !== 201) fail(reply, `source database ${db} does not exist in organization ${org}`);
      return print(reply, `Branch ${branch} was successfully created.`);
    }
    case 'branch show': {
      const [db, branch] = args(2, 'branch show <database> <branch> [flags]') as [string, string];
      const reply = await pscale.getBranch(db, branch);
      if (reply.status !== 200) fail(reply, `branch ${branch} does not exist in database ${db} ${inOrg}`);
      return print(reply, `NAME\tPARENT BRANCH\tPRODUCTION\n${reply.json.name}\t${reply.json.parent_branch ?? 'n/a'}\t${reply.json.production ? 'Yes' : 'No'}`);
    }
    case 'branch delete': {
      const [db, branch] = args(2, 'branch delete <database> <branch> [flags]') as [string, string];
      if (!flags.force && !json) throw new PscaleError('cannot delete branch with the current format "human" without --force');
      const reply = await pscale.deleteBranch(db, branch);
      if (reply.status !== 204) fail(reply, `branch ${branch} does not exist in database ${db} ${inOrg}`);
      return print({ status: 204, json: { branch } }, `Branch ${branch} was successfully deleted.`);
    }
    case 'deploy-request create': {
      const [db, branch] = args(2, 'deploy-request create <database> <branch> [flags]') as [string, string];
      const reply = await pscale.createDeployRequest(db, branch, { ...(flags.into ? { into: flags.into } : {}), ...(flags.notes ? { notes: flags.notes } : {}) });
      if (reply.status !== 201) fail(reply, `database ${db} does not exist in ${org}`);
      return print(reply, `Deploy request #${reply.json.number} successfully created.`);
    }
    case 'deploy-request show': {
      const [db, number] = args(2, 'deploy-request show <database> <number> [flags]') as [string, string];
      const reply = await pscale.getDeployRequest(db, Number(number));
      if (reply.status !== 200) fail(reply, `deploy request '${db}/${number}' does not exist in organization ${org}`);
      return print(reply, `#${reply.json.number}\t${reply.json.branch} → ${reply.json.into_branch}\t${reply.json.state}\t${reply.json.deployment_state}`);
    }
    case 'deploy-request review': {
      const [db, number] = args(2, 'deploy-request review <database> <number> [flags]') as [string, string];
      if (!flags.approve && flags.comment === undefined) throw new PscaleError('either --approve or --comment should be set');
      const reply = await pscale.reviewDeployRequest(db, Number(number), flags.approve ? 'approved' : 'commented', flags.comment);
      if (reply.status !== 201) fail(reply, `deploy request '${db}/${number}' does not exist in organization ${org}`);
      return print(reply, flags.approve ? `Deploy request ${db}/${number} is approved.` : `A comment is added to the deploy request ${db}/${number}.`);
    }
    case 'deploy-request deploy': {
      const [db, number] = args(2, 'deploy-request deploy <database> <number> [flags]') as [string, string];
      const reply = await pscale.deployDeployRequest(db, Number(number));
      if (reply.status !== 200) fail(reply, `deploy request '${db}/${number}' does not exist in organization ${org}`);
      // --wait polls until the deployment completes; the fake deploys at once, so one look does.
      if (flags.wait && reply.json.deployment_state !== 'complete') throw new PscaleError(`deployment state: ${reply.json.deployment_state}`);
      return print(reply, flags.wait
        ? `Successfully deployed ${reply.json.branch} to ${reply.json.into_branch}.`
        : `Successfully queued ${reply.json.branch} from ${db} for deployment to ${reply.json.into_branch}.`);
    }
    default:
      throw new PscaleError(`unknown command "${positionals.join(' ')}" for "pscale" (this stand-in knows branch and deploy-request)`);
  }
}

try {
  await run();
} catch (err) {
  // Every failure, a network one included, is one "Error: ..." line (main.go).
  console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
