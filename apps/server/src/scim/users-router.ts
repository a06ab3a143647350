import { parseListQuery, parseSearchRequest } from '@provisio/scim';
import type { ListQuery } from '@provisio/scim';
import type { UserRecord } from '@provisio/core';
import { Router } from 'express';
import type { Request, Response } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { ifMatchVersion, projectionOf, queryParams, resourceId } from './http/scim-request.ts';
import { sendScim } from './http/scim-response.ts';
import { listPage, listResponse } from './list-page.ts';
import { renderUser, versionTagOf, wantsGroups } from './render-resources.ts';
import { resourceWrites } from './resource-writes.ts';
import { callerFor, renderContextOf } from './scim-context.ts';
import type { ScimDeps } from './scim-context.ts';

/** `/Users`: parse the wire with @provisio/scim, call the procedure, render. Nothing else. */
export function usersRouter(deps: ScimDeps): Router {
  const router = Router();
  // The org's registry (its extension schemas) is the request's: see orgRegistryFor.
  const listOptions = (res: Response) => ({ registry: renderContextOf(res).registry, resourceType: 'User' as const });
  const writes = (res: Response) => resourceWrites(renderContextOf(res).registry).Users;

  const sendList = async (req: Request, res: Response, query: ListQuery) => {
    const page = await callerFor(deps, req, res).users.search(listPage(query));
    const ctx = renderContextOf(res);
    const resources = page.items.map((u) => renderUser(u, ctx, query));
    sendScim(res, 200, listResponse(page, resources));
  };
  const sendOne = (res: Response, status: number, user: UserRecord, req: Request) => {
    const ctx = renderContextOf(res);
    const version = versionTagOf(user);
    const body = renderUser(user, ctx, projectionOf(req, listOptions(res)), version);
    sendScim(res, status, body, {
      version,
      ...(status === 201 ? { location: `${ctx.baseUrl}/Users/${user.id}` } : {}),
    });
  };

  router
    .route('/')
    .get((req, res) => sendList(req, res, parseListQuery(queryParams(req), listOptions(res))))
    .post(async (req, res) => sendOne(res, 201, await writes(res).create(callerFor(deps, req, res), req.body), req))
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/.search')
    .post((req, res) => sendList(req, res, parseSearchRequest(req.body, listOptions(res))))
    .all(methodNotAllowed(['POST']));

  router
    .route('/:id')
    .get(async (req, res) => {
      const withGroups = wantsGroups(projectionOf(req, listOptions(res)));
      const user = await callerFor(deps, req, res).users.get({ id: resourceId(req), withGroups });
      sendOne(res, 200, user, req);
    })
    .put(async (req, res) =>
      sendOne(
        res,
        200,
        await writes(res).replace(callerFor(deps, req, res), resourceId(req), req.body, ifMatchVersion(req)),
        req,
      ),
    )
    .patch(async (req, res) =>
      sendOne(
        res,
        200,
        await writes(res).patch(callerFor(deps, req, res), resourceId(req), req.body, ifMatchVersion(req)),
        req,
      ),
    )
    .delete(async (req, res) => {
      await writes(res).remove(callerFor(deps, req, res), resourceId(req), ifMatchVersion(req));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']));

  return router;
}
