import { createUser } from '@provisio/core';
import { inviteNewUser } from '@provisio/core/invites';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { inviteDeps } from '../invite-deps.ts';
import { afterUserWrite } from '../keys/after-user-write.ts';
import { rolePicker } from '../org/role-for.ts';
import { ZCreateUserRequestSchema, ZCreateUserResponseSchema } from './create-user.types.ts';

/** Provisions a user (`invited`, or `deactivated` when `active: false`); a taken userName in any case → CONFLICT/uniqueness. */
export const createUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZCreateUserRequestSchema)
  .output(ZCreateUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId }, 'users.create');
    const pickRole = await rolePicker(ctx, ctx.auth.orgId);
    const role = input.role ?? pickRole(input.attributes.roles) ?? pickRole.defaultRole;
    const user = await createUser(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input, role });
    await afterUserWrite(ctx, { id: user.id, before: null, after: user });
    // Enqueued, never awaited on mail: a queue outage leaves the invite to the sweeper.
    await inviteNewUser(inviteDeps(ctx), { orgId: ctx.auth.orgId, id: user.id, status: user.status });
    return user;
  });
