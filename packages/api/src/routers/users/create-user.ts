import { createUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZCreateUserRequestSchema, ZCreateUserResponseSchema } from './create-user.types.ts';

/** Provisions a user (`invited`, or `deactivated` when `active: false`); a taken userName in any case → CONFLICT/uniqueness. */
export const createUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZCreateUserRequestSchema)
  .output(ZCreateUserResponseSchema)
  .mutation(({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId }, 'users.create');
    return createUser(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
  });
