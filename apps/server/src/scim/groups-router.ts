import type { GroupRecord } from '@provisio/core';
import { parseListQuery, parseSearchRequest } from '@provisio/scim';
import type { ListQuery } from '@provisio/scim';
import { Router } from 'express';
import type { Request, Response } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { ifMatchVersion, projectionOf, queryParams, resourceId } from './http/scim-request.ts';
import { sendScim } from './http/scim-response.ts';
import { listPage, listResponse } from './list-page.ts';
import { renderGroup, wantsMembers } from './render-resources.ts';
import { resourceWrites } from './resource-writes.ts';
import { callerFor, renderContextOf } from './scim-context.ts';
import type { ScimDeps } from './scim-context.ts';

/** `/Groups`: members are loaded only when the answer shows them (`excludedAttributes=members`). */
export function groupsRouter(deps: ScimDeps): Router {
  const router = Router();
  const listOptions = (res: Response) => ({ registry: renderContextOf(res).registry, resourceType: 'Group' as const });
  const writes = (res: Response) => resourceWrites(renderContextOf(res).registry).Groups;

  const sendList = async (req: Request, res: Response, query: ListQuery) => {
    const page = await callerFor(deps, req, res).groups.list({
      ...listPage(query),
      includeMembers: wantsMembers(query),
    });
    sendScim(
      res,
      200,
      listResponse(
        page,
        page.items.map((g) => renderGroup(g, renderContextOf(res), query)),
      ),
    );
  };
  const sendOne = (res: Response, status: number, group: GroupRecord, req: Request) => {
    const ctx = renderContextOf(res);
    const projection = projectionOf(req, listOptions(res));
    const body = renderGroup(wantsMembers(projection) ? group : { ...group, members: undefined }, ctx, projection);
    sendScim(res, status, body, {
      version: group.version,
      ...(status === 201 ? { location: `${ctx.baseUrl}/Groups/${group.id}` } : {}),
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
      const includeMembers = wantsMembers(projectionOf(req, listOptions(res)));
      sendOne(res, 200, await callerFor(deps, req, res).groups.get({ id: resourceId(req), includeMembers }), req);
    })
    .put(async (req, res) =>
      sendOne(
        res,
        200,
        await writes(res).replace(callerFor(deps, req, res), resourceId(req), req.body, ifMatchVersion(req)),
        req,
      ),
    )
    .patch(async (req, res) => {
      const id = resourceId(req);
      const caller = callerFor(deps, req, res);
      const projection = projectionOf(req, listOptions(res));
      // Applied and retried inside the procedure; members-only changes never contend on the version.
      const patched = await writes(res).patch(caller, id, req.body, ifMatchVersion(req));
      // RFC 7644 §3.5.2: 204, or 200 with the resource. A body without `members` would read as an
      // empty group, and the whole member list is what Entra calls "not advisable": 204 unless asked.
      if (!projection.attributes.length && !projection.excludedAttributes.length) {
        res.status(204).setHeader('ETag', `W/"${patched.version}"`).end();
        return;
      }
      sendOne(
        res,
        200,
        wantsMembers(projection) ? await caller.groups.get({ id, includeMembers: true }) : patched,
        req,
      );
    })
    .delete(async (req, res) => {
      await writes(res).remove(callerFor(deps, req, res), resourceId(req), ifMatchVersion(req));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']));

  return router;
}
