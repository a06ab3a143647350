import { Router } from 'express';
import { bulkRouter } from './bulk/bulk-router.ts';
import { discoveryRouter } from './discovery-router.ts';
import { groupsRouter } from './groups-router.ts';
import { orgRegistryFor } from './http/org-registry-for.ts';
import { scimAuth } from './http/scim-auth.ts';
import { scimBodyParser } from './http/scim-body-parser.ts';
import { scimErrorHandler } from './http/scim-error-handler.ts';
import { ScimHttpFailure } from './http/scim-failure.ts';
import { rootSearchRouter } from './root-search-router.ts';
import type { ScimDeps } from './scim-context.ts';
import { usersRouter } from './users-router.ts';

/**
 * The SCIM 2.0 adapter, mounted at `/scim/v2`: auth first (so anonymous callers learn
 * nothing about routes), then bodies, then one router per resource, Bulk, and one error
 * middleware that turns every failure, including unknown routes, into a SCIM Error.
 */
export function scimRouter(deps: ScimDeps): Router {
  const router = Router();
  router.use(scimAuth(deps.resolvePrincipal));
  router.use(orgRegistryFor(deps));
  router.use(scimBodyParser);
  router.use('/Users', usersRouter(deps));
  router.use('/Groups', groupsRouter(deps));
  router.use(rootSearchRouter(deps));
  router.use(bulkRouter(deps));
  router.use(discoveryRouter());
  router.use(() => {
    throw new ScimHttpFailure({ status: 404, detail: 'No such SCIM endpoint' });
  });
  router.use(scimErrorHandler);
  return router;
}
