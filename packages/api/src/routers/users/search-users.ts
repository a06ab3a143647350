import { listUsers, listUsersByCursor } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { oneWayOfPaging } from '../one-way-of-paging.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { ZSearchUsersRequestSchema, ZSearchUsersResponseSchema } from './search-users.types.ts';

/**
 * SCIM-style search (filter string; startIndex/count, or RFC 9865 cursor/count): what the SCIM
 * adapter calls. Deactivated users included.
 */
export const searchUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZSearchUsersRequestSchema)
  .output(ZSearchUsersResponseSchema)
  .query(async ({ ctx, input }) => {
    const { filter, cursor, ...rest } = oneWayOfPaging(input);
    const { registry, active } = await orgRegistry(ctx, ctx.auth.orgId);
    const ast = filter ? parseFilter(filter, { registry, resourceType: 'User' }) : undefined;
    const deps = domainDeps(ctx);
    const options = { orgId: ctx.auth.orgId, filter: ast, extensions: active, ...rest };
    if (cursor === undefined) return listUsers(deps, options);
    return listUsersByCursor({ ...deps, cursorKey: ctx.listCursorKey }, { ...options, cursor });
  });
