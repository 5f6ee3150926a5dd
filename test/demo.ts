// `npm run demo`: the README's "try it". Starts the fake PlanetScale API on 127.0.0.1, runs the
// built action's main, a later step's pscale commands (one allowed, one refused), post, and a main given
// bad inputs, through the runner harness, and prints what a user would see.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FakePlanetScale } from './fake-planetscale/index.ts';
import { runStep, type StepResult } from './harness/index.ts';

const actionDir = fileURLToPath(new URL('..', import.meta.url));
const PSCALE = fileURLToPath(new URL('./workflow-runner/pscale/pscale', import.meta.url));
const fake = await FakePlanetScale.start();
fake.addOrganization('acme');
fake.addDatabase('acme', 'app');
fake.addDatabase('acme', 'analytics');
const minting = fake.addServiceToken(
  'acme',
  {
    organization: ['write_service_tokens', 'delete_service_tokens', 'read_service_tokens', 'read_databases'],
    databases: { app: ['read_branch', 'create_branch', 'create_deploy_request'], analytics: ['connect_branch'] },
  },
  { name: 'minting-token' },
);

const inputs = {
  org: 'acme',
  'minting-token-id': minting.id,
  'minting-token': minting.token,
  database: 'app',
  accesses: 'read_branch, create_branch, create_deploy_request\nanalytics: connect_branch',
  'org-accesses': 'read_databases',
  ttl: '15m',
  'api-url': fake.url,
};

const mask = (text: string, masks: string[]) => masks.reduce((t, m) => (m ? t.split(m).join('***') : t), text);
const heading = (text: string) => console.log(`\n\x1b[1m== ${text}\x1b[0m`);
const indent = (text: string) => text.trimEnd().replace(/^/gm, '  ');

function show(step: string, result: StepResult, masks: string[]): void {
  heading(`${step} step log (as the runner shows it; exit code ${result.exitCode})`);
  console.log(indent(result.maskedLog));
  if (Object.keys(result.outputs).length > 0) {
    heading(`${step} step outputs (secrets masked)`);
    for (const [name, value] of Object.entries(result.outputs)) console.log(indent(`${name} = ${mask(value, masks)}`));
  }
  if (Object.keys(result.env).length > 0) {
    heading('env for later steps');
    for (const [name, value] of Object.entries(result.env)) console.log(indent(`${name}=${mask(value, masks)}`));
  }
  if (result.summary) {
    heading(`${step} step job summary`);
    console.log(indent(result.summary));
  }
}

console.log(`Fake PlanetScale API at ${fake.url}; organization "acme", databases "app" and "analytics".`);
console.log('Inputs:');
for (const [name, value] of Object.entries(inputs))
  console.log(indent(`${name}: ${mask(value, [minting.id, minting.token]).replace(/\n/g, '\\n')}`));

const main = await runStep({ actionDir, step: 'main', inputs });
show('main', main, main.masks);
const mintedId = main.outputs['service-token-id'];
if (mintedId) {
  const view = fake.token(mintedId);
  heading('on the fake API between main and post');
  console.log(
    indent(`token ${JSON.stringify(view?.name)} exists with ${JSON.stringify(view?.accesses)}, expires ${view?.expiresAt?.toISOString()}`),
  );
}

// A later step: pscale (the tests' stand-in, speaking to the fake) with the env the action exported.
// Not spawnSync: the fake answers from this process.
const pscale = (...args: string[]): Promise<string> =>
  new Promise((resolve) => {
    execFile(PSCALE, args, { env: { PATH: process.env['PATH'] ?? '', ...main.env } }, (err, stdout, stderr) =>
      resolve(`$ pscale ${args.join(' ')}\n${stdout}${stderr}${err ? `(exit code ${String(err.code)})\n` : ''}`),
    );
  });
if (mintedId) {
  heading('a later step runs pscale with the exported env');
  console.log(indent(await pscale('branch', 'create', 'app', 'demo')));
  heading('and is refused what the job was not given (delete_branch)');
  console.log(indent(await pscale('branch', 'delete', 'app', 'demo', '--force')));
}

const post = await runStep({ actionDir, step: 'post', inputs, env: main.env, state: main.state, masks: main.masks });
show('post', post, main.masks);

heading('after post');
const alive = fake.mintedTokens();
console.log(
  indent(alive.length === 0 ? 'No minted token is left alive on the fake API.' : `STILL ALIVE: ${alive.map((t) => t.name).join(', ')}`),
);

const typo = await runStep({ actionDir, step: 'main', inputs: { ...inputs, accesses: 'read_brnch', ttl: '90d' } });
heading(`a mistake in the inputs: refused before any call (exit code ${typo.exitCode})`);
console.log(indent(typo.maskedLog));

await fake.close();
process.exitCode = main.exitCode === 0 && post.exitCode === 0 && alive.length === 0 && typo.exitCode === 1 ? 0 : 1;
