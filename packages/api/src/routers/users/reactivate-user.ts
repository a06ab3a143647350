import { setUserActive } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { afterUserWrite } from '../keys/after-user-write.ts';
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
    const user = await setUserActive(domainDeps(ctx), { orgId: ctx.auth.orgId, id: input.id, active: true, authority, read: before });
    await afterUserWrite(ctx, { id: input.id, before, after: user });
    return user;
  });
