import { listUsers } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { ZListUsersRequestSchema, ZListUsersResponseSchema } from './list-users.types.ts';

/** A page of the org's users, deactivated ones included (`active: false`). */
export const listUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZListUsersRequestSchema)
  .output(ZListUsersResponseSchema)
  .query(({ ctx, input }) => {
    const { filter, ...rest } = input;
    const ast = filter ? parseFilter(filter, { registry: scimRegistry, resourceType: 'User' }) : undefined;
    return listUsers(domainDeps(ctx), { orgId: ctx.auth.orgId, filter: ast, ...rest });
  });
