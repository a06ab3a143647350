import { listUsers } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { ZSearchUsersRequestSchema, ZSearchUsersResponseSchema } from './search-users.types.ts';

/** SCIM-style search (filter string, startIndex/count): what the SCIM adapter calls. Deactivated users included. */
export const searchUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZSearchUsersRequestSchema)
  .output(ZSearchUsersResponseSchema)
  .query(async ({ ctx, input }) => {
    const { filter, ...rest } = input;
    const { registry, active } = await orgRegistry(ctx, ctx.auth.orgId);
    const ast = filter ? parseFilter(filter, { registry, resourceType: 'User' }) : undefined;
    return listUsers(domainDeps(ctx), { orgId: ctx.auth.orgId, filter: ast, extensions: active, ...rest });
  });
