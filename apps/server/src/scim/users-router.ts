import { fromScimUser, parseListQuery, parseSearchRequest } from '@provisio/scim';
import type { ListQuery } from '@provisio/scim';
import type { UserRecord } from '@provisio/core';
import { Router } from 'express';
import type { Request, Response } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { ifMatchVersion, optionalVersion, projectionOf, queryParams, resourceId } from './http/scim-request.ts';
import { sendScim } from './http/scim-response.ts';
import { listPage, listResponse } from './list-page.ts';
import { renderUser } from './render-resources.ts';
import type { RenderContext } from './render-resources.ts';
import { callerFor } from './scim-context.ts';
import type { ScimDeps } from './scim-context.ts';

/** `/Users`: parse the wire with @provisio/scim, call the procedure, render. Nothing else. */
export function usersRouter(deps: ScimDeps, ctx: RenderContext): Router {
  const router = Router();
  const listOptions = { registry: ctx.registry, resourceType: 'User' as const };

  const sendList = async (req: Request, res: Response, query: ListQuery) => {
    const page = await callerFor(deps, req, res).users.search(listPage(query));
    const resources = page.items.map((u) => renderUser(u, ctx, query));
    sendScim(res, 200, listResponse(page, resources));
  };
  const sendOne = (res: Response, status: number, user: UserRecord, req: Request) => {
    const body = renderUser(user, ctx, projectionOf(req, listOptions));
    sendScim(res, status, body, { version: user.version, ...(status === 201 ? { location: `${ctx.baseUrl}/Users/${user.id}` } : {}) });
  };

  router
    .route('/')
    .get((req, res) => sendList(req, res, parseListQuery(queryParams(req), listOptions)))
    .post(async (req, res) => {
      // `password` is writeOnly (RFC 7643 §4.1.1): accepted and discarded; people set theirs through the invite.
      const { attributes } = fromScimUser(req.body, ctx.registry);
      const user = await callerFor(deps, req, res).users.create({ attributes });
      sendOne(res, 201, user, req);
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/.search')
    .post((req, res) => sendList(req, res, parseSearchRequest(req.body, listOptions)))
    .all(methodNotAllowed(['POST']));

  router
    .route('/:id')
    .get(async (req, res) => {
      const user = await callerFor(deps, req, res).users.get({ id: resourceId(req) });
      sendOne(res, 200, user, req);
    })
    .put(async (req, res) => {
      const id = resourceId(req);
      const { attributes } = fromScimUser(req.body, ctx.registry);
      const input = { id, attributes, ...optionalVersion(ifMatchVersion(req)) };
      const user = await callerFor(deps, req, res).users.replace(input);
      sendOne(res, 200, user, req);
    })
    .patch(async (req, res) => {
      // The procedure applies the PatchOp against the current version and retries a lost race itself.
      const user = await callerFor(deps, req, res).users.patch({ id: resourceId(req), patch: req.body, ...optionalVersion(ifMatchVersion(req)) });
      sendOne(res, 200, user, req);
    })
    .delete(async (req, res) => {
      await callerFor(deps, req, res).users.delete({ id: resourceId(req), ...optionalVersion(ifMatchVersion(req)) });
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']));

  return router;
}
