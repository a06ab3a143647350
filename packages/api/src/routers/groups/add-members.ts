import { changeGroupMembers } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZChangeMembersResponseSchema, ZMembersRequestSchema } from './change-members.types.ts';

/** Adds users (idempotent: an existing member stays once). Unknown member ids → BAD_REQUEST/invalidValue, nothing applied. */
export const addMembersProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZMembersRequestSchema)
  .output(ZChangeMembersResponseSchema)
  .mutation(({ ctx, input }) => {
    const { id, members, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, groupId: id, count: members.length }, 'groups.addMembers');
    return changeGroupMembers(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id,
      ifMatchVersion,
      delta: { add: members, remove: [], replaceAll: false },
    });
  });
