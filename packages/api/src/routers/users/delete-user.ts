import { deleteUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZDeleteUserRequestSchema, ZDeleteUserResponseSchema } from './delete-user.types.ts';

/** A real removal (memberships too); the userName is free again. A second delete is NOT_FOUND. */
export const deleteUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZDeleteUserRequestSchema)
  .output(ZDeleteUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: input.id }, 'users.delete');
    await deleteUser(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    return { id: input.id };
  });
