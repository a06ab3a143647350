import { replaceUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZReplaceUserRequestSchema, ZReplaceUserResponseSchema } from './replace-user.types.ts';

/** PUT: conditional on the version read (retried on a lost race unless `ifMatchVersion` pins it). */
export const replaceUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZReplaceUserRequestSchema)
  .output(ZReplaceUserResponseSchema)
  .mutation(({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: input.id }, 'users.replace');
    return replaceUser(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
  });
