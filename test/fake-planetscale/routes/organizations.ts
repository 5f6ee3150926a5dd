// GET /v1/organizations: the organizations the credential belongs to (one, in this fake).
// Any valid credential may call it, whatever its accesses: pscale relies on that to tell an
// invalid credential (401) from a missing permission (404).

import { mapPage, paginate } from '../pagination.ts';
import { organizationJson } from '../responses.ts';
import type { Route } from '../router.ts';

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/organizations',
    handle: (ctx) => {
      const org = ctx.state.organization(ctx.principal.org);
      const orgs = org ? [org] : [];
      return { status: 200, body: mapPage(paginate(orgs, ctx.query, ctx.pageUrl), organizationJson) };
    },
  },
];
