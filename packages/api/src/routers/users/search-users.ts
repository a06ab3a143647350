import { listUsers, listUsersByCursor } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { oneWayOfPaging } from '../one-way-of-paging.ts';
import { ZSearchUsersRequestSchema, ZSearchUsersResponseSchema } from './search-users.types.ts';

/**
 * SCIM-style search (filter string; startIndex/count, or RFC 9865 cursor/count): what the SCIM
 * adapter calls. Deactivated users included.
 */
export const searchUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZSearchUsersRequestSchema)
  .output(ZSearchUsersResponseSchema)
  .query(({ ctx, input }) => {
    const { filter, cursor, ...rest } = oneWayOfPaging(input);
    const ast = filter ? parseFilter(filter, { registry: scimRegistry, resourceType: 'User' }) : undefined;
    const deps = domainDeps(ctx);
    if (cursor === undefined) return listUsers(deps, { orgId: ctx.auth.orgId, filter: ast, ...rest });
    return listUsersByCursor(
      { ...deps, cursorKey: ctx.listCursorKey },
      { orgId: ctx.auth.orgId, filter: ast, cursor, ...rest },
    );
  });
