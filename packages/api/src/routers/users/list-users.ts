import { listUsersPage } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZListUsersRequestSchema, ZListUsersResponseSchema } from './list-users.types.ts';

/** Internal tools' listing: exact filters, cursor pages in creation order; a bad cursor is BAD_REQUEST. */
export const listUsersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZListUsersRequestSchema)
  .output(ZListUsersResponseSchema)
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filters } = input ?? {};
    return listUsersPage(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      filters,
      ...(cursor ? { cursor } : {}),
      ...(limit ? { limit } : {}),
    });
  });
