import { resendInvite, toInviteStatus } from '@provisio/core/invites';
import { orgProcedure } from '../../trpc.ts';
import { inviteDeps } from '../invite-deps.ts';
import { ZInviteStatusRequestSchema, ZInviteStatusResponseSchema } from './invite-status.types.ts';

/** An admin's "Resend invite": new token and expiry, older links stop working; rate-limited per user. */
export const resendInviteProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZInviteStatusRequestSchema)
  .output(ZInviteStatusResponseSchema.unwrap())
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: input.userId }, 'invites.resend');
    const invite = await resendInvite(inviteDeps(ctx), { orgId: ctx.auth.orgId, userId: input.userId });
    return toInviteStatus(invite, ctx.clock.now());
  });
