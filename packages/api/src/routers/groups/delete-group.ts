import { deleteGroup } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZDeleteGroupRequestSchema, ZDeleteGroupResponseSchema } from './delete-group.types.ts';

/** Removes the group and its member rows (not the users). A second delete is NOT_FOUND. */
export const deleteGroupProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZDeleteGroupRequestSchema)
  .output(ZDeleteGroupResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, groupId: input.id }, 'groups.delete');
    await deleteGroup(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    return { id: input.id };
  });
