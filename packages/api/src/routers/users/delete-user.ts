import { deleteUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { afterUserWrite } from '../keys/after-user-write.ts';
import { ZDeleteUserRequestSchema, ZDeleteUserResponseSchema } from './delete-user.types.ts';

/** A real removal (memberships too); the userName is free again. A second delete is NOT_FOUND. */
export const deleteUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZDeleteUserRequestSchema)
  .output(ZDeleteUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: input.id }, 'users.delete');
    const before = await ctx.db.users.findById(ctx.auth.orgId, input.id);
    await deleteUser(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    await afterUserWrite(ctx, { id: input.id, before, after: null });
    return { id: input.id };
  });
