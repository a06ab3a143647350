import { ScimError, parseSearchRequest } from '@provisio/scim';
import type { ListQuery, ResourceTypeName } from '@provisio/scim';
import { Router } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { sendScim } from './http/scim-response.ts';
import { listPage, listResponse } from './list-page.ts';
import { rootCursorPage } from './root-search-cursor.ts';
import { renderGroup, renderUser, wantsMembers } from './render-resources.ts';
import type { RenderContext } from './render-resources.ts';
import { callerFor, renderContextOf } from './scim-context.ts';
import type { ScimDeps } from './scim-context.ts';

/** The query as each resource type reads it; null when it names attributes that type lacks. */
function queryFor(body: unknown, ctx: RenderContext, resourceType: ResourceTypeName): ListQuery | ScimError {
  try {
    return parseSearchRequest(body, { registry: ctx.registry, resourceType });
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
}

/**
 * `POST /.search` across Users and Groups (RFC 7644 §3.4.3). Order: every matching User
 * (in the users' own stable order) and then every matching Group; `startIndex`/`count`
 * page over that concatenation, so a page may hold the last users and the first groups.
 * A filter or sortBy naming attributes only one type has selects from that type only;
 * one neither type understands is a 400. With `cursor` (RFC 9865): the same order, by cursor.
 */
export function rootSearchRouter(deps: ScimDeps): Router {
  const router = Router();
  router
    .route('/.search')
    .post(async (req, res) => {
      const ctx = renderContextOf(res);
      const users = queryFor(req.body, ctx, 'User');
      const groups = queryFor(req.body, ctx, 'Group');
      if (users instanceof ScimError && groups instanceof ScimError) throw users;
      const caller = callerFor(deps, req, res);
      const base = users instanceof ScimError ? (groups as ListQuery) : users;
      if (base.cursor !== undefined) {
        const page = await rootCursorPage({
          users,
          groups,
          count: base.count,
          cursor: base.cursor,
          searchUsers: (input) => caller.users.search(input),
          listGroups: (input) =>
            caller.groups.list({ ...input, includeMembers: !(groups instanceof ScimError) && wantsMembers(groups) }),
        });
        const resources = [
          ...page.users.map((u) => renderUser(u, ctx, base)),
          ...page.groups.map((g) => renderGroup(g, ctx, groups instanceof ScimError ? base : groups)),
        ];
        sendScim(res, 200, listResponse(page, resources));
        return;
      }

      const userPage =
        users instanceof ScimError
          ? { totalResults: 0, startIndex: base.startIndex, items: [] }
          : await caller.users.search(listPage(users));
      const remaining = base.count === 0 ? 0 : base.count - userPage.items.length;
      const groupWindow = { startIndex: Math.max(1, base.startIndex - userPage.totalResults), count: remaining };
      const groupPage =
        groups instanceof ScimError
          ? { totalResults: 0, items: [] }
          : await caller.groups.list({
              ...listPage({ ...groups, ...groupWindow }),
              includeMembers: wantsMembers(groups),
            });
      const resources = [
        ...userPage.items.map((u) => renderUser(u, ctx, base)),
        ...(remaining > 0
          ? groupPage.items.map((g) => renderGroup(g, ctx, groups instanceof ScimError ? base : groups))
          : []),
      ];
      sendScim(
        res,
        200,
        listResponse(
          { totalResults: userPage.totalResults + groupPage.totalResults, startIndex: base.startIndex },
          resources,
        ),
      );
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
