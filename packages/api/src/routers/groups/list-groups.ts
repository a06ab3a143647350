import { listGroups, listGroupsByCursor } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { oneWayOfPaging } from '../one-way-of-paging.ts';
import { ZListGroupsRequestSchema, ZListGroupsResponseSchema } from './list-groups.types.ts';

/**
 * A page of the org's groups (startIndex/count, or RFC 9865 cursor/count); `displayName eq`
 * ignores case, `members eq "<userId>"` works.
 */
export const listGroupsProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZListGroupsRequestSchema)
  .output(ZListGroupsResponseSchema)
  .query(({ ctx, input }) => {
    const { filter, cursor, ...rest } = oneWayOfPaging(input);
    const ast = filter ? parseFilter(filter, { registry: scimRegistry, resourceType: 'Group' }) : undefined;
    const deps = domainDeps(ctx);
    if (cursor === undefined) return listGroups(deps, { orgId: ctx.auth.orgId, filter: ast, ...rest });
    return listGroupsByCursor(
      { ...deps, cursorKey: ctx.listCursorKey },
      { orgId: ctx.auth.orgId, filter: ast, cursor, ...rest },
    );
  });
