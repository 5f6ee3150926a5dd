// Deploy-request endpoints: list, create, get, close, review (comment or approve), deploy. Accesses as
// the spec's "Authorization" sections list them. Two rules beyond plain accesses:
// - PlanetScale's (its docs on deploy requests): when the database requires approval, a
//   service token cannot approve a deploy request it created, and a user cannot approve one
//   created by a service token that user created. Refused with 403 forbidden (the status is
//   UNVERIFIED; the refusal is documented).
// - When the database requires approval, deploying an unapproved request is 422.
// With a MySQL backend, a request's diff is the branch's schema on the server against its schema
// when the branch was made (backends.ts): an empty one is deployment_state no_changes, and
// deploying it is 422 (the status and message are UNVERIFIED: the spec lists the state only).

import { schemaDiff } from '../backends.ts';
import { ApiError, notFound, unprocessable } from '../errors.ts';
import { mapPage, paginate } from '../pagination.ts';
import { deployRequestJson, reviewJson } from '../responses.ts';
import { objectBody, type Route, type RouteContext } from '../router.ts';
import type { Database, DeployRequest } from '../state.ts';
import { DB, requireBranch, requireDatabaseWith } from './branches.ts';

const BASE = `${DB}/deploy-requests`;

const READ: readonly string[] = ['read_deploy_request'];
const CREATE: readonly string[] = ['create_deploy_request'];
/** queue_deploy_request: the spec names create_deploy_request for deploying. */
const DEPLOY: readonly string[] = ['create_deploy_request'];
const APPROVE: readonly string[] = ['approve_deploy_request'];
/** close_deploy_request: the spec names create_deploy_request. */
const CLOSE: readonly string[] = ['create_deploy_request'];
/** A comment-only review: either access, as the spec's body description says. */
const COMMENT: readonly string[] = ['approve_deploy_request', 'review_deploy_request'];

/** The `:number` deploy request of `db`; 404 when there is none or it is not a number. */
function requireDeployRequest(ctx: RouteContext, db: Database): DeployRequest {
  const raw = ctx.params['number'] ?? '';
  const dr = /^\d+$/.test(raw) ? db.deployRequests.find((d) => d.number === Number(raw)) : undefined;
  if (!dr) throw notFound();
  return dr;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw unprocessable(`${key} must be a string`);
  return value;
}

/** Whether the caller made this deploy request, or made the service token that did. */
function isOwnDeployRequest(ctx: RouteContext, dr: DeployRequest): boolean {
  if (dr.createdBy === ctx.principal.credentialId) return true;
  return ctx.state.serviceToken(dr.createdBy)?.createdBy === ctx.principal.credentialId;
}

export const deployRequestRoutes: Route[] = [
  {
    method: 'GET',
    pattern: BASE,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, READ);
      // The spec's filters that automation uses: state, branch, into_branch.
      const { state, branch, into_branch: into } = ctx.query;
      const matching = db.deployRequests.filter(
        (dr) =>
          (state === undefined || dr.state === state) &&
          (branch === undefined || dr.branch === branch) &&
          (into === undefined || dr.intoBranch === into),
      );
      const page = paginate(matching, ctx.query, ctx.pageUrl);
      return { status: 200, body: mapPage(page, (dr) => deployRequestJson(ctx, db, dr)) };
    },
  },
  {
    method: 'POST',
    pattern: BASE,
    handle: async (ctx) => {
      const db = requireDatabaseWith(ctx, CREATE);
      const body = objectBody(ctx);
      const branchName = optionalString(body, 'branch');
      if (!branchName) throw unprocessable('branch is required');
      const intoName = optionalString(body, 'into_branch') ?? 'main';
      const notes = optionalString(body, 'notes') ?? '';
      const from = requireBranch(db, branchName);
      const into = requireBranch(db, intoName);
      if (from.production) throw unprocessable(`${from.name} is a production branch: open a deploy request from a development branch`);
      if (from === into) throw unprocessable('branch and into_branch must differ');
      if (db.deployRequests.some((dr) => dr.state === 'open' && dr.branchId === from.id)) {
        throw unprocessable(`Branch ${from.name} already has an open deploy request`);
      }
      const backend = ctx.backends.mysql;
      const diff = from.baseSchema && backend?.schema ? schemaDiff(from.baseSchema, await backend.schema(db.name)) : null;
      // Checked again: another create may have opened one while the schema was read.
      if (db.deployRequests.some((dr) => dr.state === 'open' && dr.branchId === from.id)) {
        throw unprocessable(`Branch ${from.name} already has an open deploy request`);
      }
      const dr = ctx.state.addDeployRequest(db, from, into, notes, ctx.principal, diff);
      // PlanetScale computes the diff after it answers: the create's answer says pending, and a
      // later read says ready or no_changes.
      return { status: 201, body: deployRequestJson(ctx, db, dr, 'pending') };
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:number`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, READ);
      const dr = requireDeployRequest(ctx, db);
      if (dr.pendingReads > 0) {
        dr.pendingReads -= 1;
        return { status: 200, body: deployRequestJson(ctx, db, dr, 'pending') };
      }
      return { status: 200, body: deployRequestJson(ctx, db, dr) };
    },
  },
  {
    method: 'PATCH',
    pattern: `${BASE}/:number`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, CLOSE);
      const dr = requireDeployRequest(ctx, db);
      if (objectBody(ctx)['state'] !== 'closed') throw unprocessable('state must be "closed"');
      if (dr.state !== 'open') throw unprocessable('Only an open deploy request can be closed');
      ctx.state.close(dr, ctx.principal.actor);
      return { status: 200, body: deployRequestJson(ctx, db, dr) };
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:number/reviews`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, READ);
      const dr = requireDeployRequest(ctx, db);
      return { status: 200, body: mapPage(paginate(dr.reviews, ctx.query, ctx.pageUrl), reviewJson) };
    },
  },
  {
    method: 'POST',
    pattern: `${BASE}/:number/reviews`,
    handle: (ctx) => {
      const body = objectBody(ctx);
      const state = body['state'] ?? 'commented';
      const db = requireDatabaseWith(ctx, state === 'approved' ? APPROVE : COMMENT);
      const dr = requireDeployRequest(ctx, db);
      if (state !== 'commented' && state !== 'approved') throw unprocessable('state must be "commented" or "approved"');
      const text = optionalString(body, 'body') ?? '';
      if (state === 'approved') {
        if (dr.state !== 'open') throw unprocessable('Only an open deploy request can be approved');
        if (db.requireApprovalForDeploy && isOwnDeployRequest(ctx, dr)) {
          throw new ApiError(403, 'forbidden', 'You cannot approve a deploy request that you created');
        }
      }
      return { status: 201, body: reviewJson(ctx.state.addReview(dr, state, text, ctx.principal.actor)) };
    },
  },
  {
    method: 'POST',
    pattern: `${BASE}/:number/deploy`,
    handle: (ctx) => {
      const db = requireDatabaseWith(ctx, DEPLOY);
      const dr = requireDeployRequest(ctx, db);
      if (dr.state !== 'open') throw unprocessable('Only an open deploy request can be deployed');
      if (dr.deploymentState === 'no_changes') throw unprocessable('This deploy request has no schema changes to deploy');
      if (db.requireApprovalForDeploy && !dr.approved) {
        throw unprocessable('This deploy request must be approved before it can be deployed');
      }
      ctx.state.deploy(dr, ctx.principal.actor);
      return { status: 200, body: deployRequestJson(ctx, db, dr) };
    },
  },
];
