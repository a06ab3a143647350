import { setUserActive } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZSetUserActiveRequestSchema, ZSetUserActiveResponseSchema } from './set-user-active.types.ts';
import { writePolicy } from './write-policy.ts';

/** Back to `active` (or `invited` if the user never signed in). Idempotent. */
export const reactivateUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZSetUserActiveRequestSchema)
  .output(ZSetUserActiveResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const before = await ctx.db.users.findById(ctx.auth.orgId, input.id);
    const { authority } = await writePolicy(ctx);
    return setUserActive(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id: input.id,
      active: true,
      authority,
      read: before,
    });
  });
