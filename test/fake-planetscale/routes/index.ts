// Every route the fake serves. Add new endpoint groups here.

import type { Route } from '../router.ts';
import { branchRoutes } from './branches.ts';
import { credentialRoutes } from './credentials.ts';
import { databaseRoutes } from './databases.ts';
import { deployRequestRoutes } from './deploy-requests.ts';
import { organizationRoutes } from './organizations.ts';
import { serviceTokenRoutes } from './service-tokens.ts';

export const routes: readonly Route[] = [
  ...organizationRoutes,
  ...serviceTokenRoutes,
  ...databaseRoutes,
  ...branchRoutes,
  ...credentialRoutes,
  ...deployRequestRoutes,
];
