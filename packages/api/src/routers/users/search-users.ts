import { listUsers } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { ZSearchUsersRequestSchema, ZSearchUsersResponseSchema } from './search-users.types.ts';

/** SCIM-style search (filter string, startIndex/count): what the SCIM adapter calls. Deactivated users included. */
export const searchUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZSearchUsersRequestSchema)
  .output(ZSearchUsersResponseSchema)
  .query(({ ctx, input }) => {
    const { filter, ...rest } = input;
    const ast = filter ? parseFilter(filter, { registry: scimRegistry, resourceType: 'User' }) : undefined;
    return listUsers(domainDeps(ctx), { orgId: ctx.auth.orgId, filter: ast, ...rest });
  });
