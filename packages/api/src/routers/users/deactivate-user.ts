import { setUserActive } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZSetUserActiveRequestSchema, ZSetUserActiveResponseSchema } from './set-user-active.types.ts';

/** `active: false`; the user stays visible. Idempotent. */
export const deactivateUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZSetUserActiveRequestSchema)
  .output(ZSetUserActiveResponseSchema)
  .mutation(({ ctx, input }) => setUserActive(domainDeps(ctx), { orgId: ctx.auth.orgId, id: input.id, active: false }));
