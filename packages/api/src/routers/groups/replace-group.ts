import { replaceGroup } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZReplaceGroupRequestSchema, ZReplaceGroupResponseSchema } from './replace-group.types.ts';

export const replaceGroupProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZReplaceGroupRequestSchema)
  .output(ZReplaceGroupResponseSchema)
  .mutation(({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, groupId: input.id }, 'groups.replace');
    return replaceGroup(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
  });
