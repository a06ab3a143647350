import { setUserActive } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZSetUserActiveRequestSchema, ZSetUserActiveResponseSchema } from './set-user-active.types.ts';
import { writePolicy } from './write-policy.ts';

/**
 * `users.deactivate` / `users.reactivate`. Idempotent: a user already in that state is not
 * written, so no write effect names them; the audit event still does (the user is its subject).
 */
export const setUserActiveProcedure = (active: boolean) =>
  orgProcedure
    .meta({ scope: 'users:write' })
    .input(ZSetUserActiveRequestSchema)
    .output(ZSetUserActiveResponseSchema)
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.db.users.findById(ctx.auth.orgId, input.id);
      const { authority } = await writePolicy(ctx);
      const user = await setUserActive(domainDeps(ctx), {
        orgId: ctx.auth.orgId,
        id: input.id,
        active,
        authority,
        read: before,
      });
      if (ctx.audit) ctx.audit.subject ??= { resourceType: 'User', resourceId: input.id };
      return user;
    });
