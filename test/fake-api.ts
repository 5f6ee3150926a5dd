// `npm run fake-api`: the fake PlanetScale API on its own, for CI and for trying the action by
// hand. Listens on 127.0.0.1 only, seeds one organization, two databases (so the README's
// two-database example can be tried) and a minting token that holds every database-level access
// on them (so it may delegate any of them) plus the three service-token accesses, prints how to
// use it, and runs until killed (SIGINT/SIGTERM).
//
// Settings, from flags or env (flags win):
//   --port / FAKE_API_PORT               default 8787 (0 picks a free one)
//   --org / FAKE_API_ORG                 default acme
//   --database (repeatable) / FAKE_API_DATABASE (comma-separated)
//                                        default app and analytics; deploy requests in the first
//                                        need approval
//   FAKE_API_TOKEN_ID, FAKE_API_TOKEN    the minting token's ID and secret; generated when unset
// When GITHUB_ENV is set (a workflow step), FAKE_API_URL, FAKE_API_TOKEN_ID and FAKE_API_TOKEN
// are appended to it for the job's later steps. The secret is only ever a fake one.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DATABASE_ACCESSES, FakePlanetScale } from './fake-planetscale/index.ts';

const { values: flags } = parseArgs({
  options: { port: { type: 'string' }, org: { type: 'string' }, database: { type: 'string', multiple: true } },
});
const env = process.env;
const portText = flags.port ?? env['FAKE_API_PORT'] ?? '8787';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
  console.error(`fake-api: port "${portText}" is not a port number (0-65535)`);
  process.exit(2);
}
const org = flags.org ?? env['FAKE_API_ORG'] ?? 'acme';
const databases = flags.database ??
  env['FAKE_API_DATABASE']
    ?.split(',')
    .map((d) => d.trim())
    .filter(Boolean) ?? ['app', 'analytics'];
const givenId = env['FAKE_API_TOKEN_ID'];
const givenToken = env['FAKE_API_TOKEN'];
if ((givenId === undefined) !== (givenToken === undefined)) {
  console.error('fake-api: set both FAKE_API_TOKEN_ID and FAKE_API_TOKEN, or neither');
  process.exit(2);
}

const fake = await FakePlanetScale.start({ port: Number(portText) });
fake.addOrganization(org);
databases.forEach((database, i) => fake.addDatabase(org, database, { requireApprovalForDeploy: i === 0 }));
const minting = fake.addServiceToken(
  org,
  {
    organization: ['write_service_tokens', 'read_service_tokens', 'delete_service_tokens', 'read_databases'],
    databases: Object.fromEntries(databases.map((database) => [database, [...DATABASE_ACCESSES]])),
  },
  { name: 'fake-api-minting', ...(givenId && givenToken ? { credential: { id: givenId, token: givenToken } } : {}) },
);

// Handlers before "ready": whoever waits for it may signal at once.
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (env['GITHUB_ENV']) {
  appendFileSync(env['GITHUB_ENV'], `FAKE_API_URL=${fake.url}\nFAKE_API_TOKEN_ID=${minting.id}\nFAKE_API_TOKEN=${minting.token}\n`);
}
console.log(`fake PlanetScale API on ${fake.url}: organization ${org}, databases ${databases.join(', ')}`);
console.log(`minting token: minting-token-id ${minting.id}, minting-token ${minting.token}`);
console.log('ready');
