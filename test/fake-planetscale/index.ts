// A fake PlanetScale API for tests: a real HTTP server on 127.0.0.1 with an in-memory model.
// server.ts: HTTP, recording and the public test API; auth.ts: credentials; state.ts: the
// model; routes/*.ts: endpoints (credentials.ts: passwords and roles, on real servers with backends.ts); responses.ts: JSON shapes; pagination.ts: list envelopes;
// accesses.ts: the access-name catalogue; permissions.ts: 404-on-missing-permission checks;
// faults.ts: scripted faults, a rate limit and their clock.

export { FakePlanetScale, type CredentialView, type RecordedRequest } from './server.ts';
export type { Fault, FaultMatch, RateLimit } from './faults.ts';
export type { FakeTokenView, SeedAccesses } from './state.ts';
export { DATABASE_ACCESSES, ORGANIZATION_ACCESSES } from './accesses.ts';
