import { changeGroupMembers } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZChangeMembersResponseSchema, ZRemoveMembersRequestSchema } from './change-members.types.ts';

/** Removes members by user id; ids that are not members are ignored. */
export const removeMembersProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZRemoveMembersRequestSchema)
  .output(ZChangeMembersResponseSchema)
  .mutation(({ ctx, input }) => {
    const { id, memberIds, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, groupId: id, count: memberIds.length }, 'groups.removeMembers');
    return changeGroupMembers(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id,
      ifMatchVersion,
      delta: { add: [], remove: memberIds, replaceAll: false },
    });
  });
