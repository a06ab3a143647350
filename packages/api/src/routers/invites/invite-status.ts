import { getInviteStatus } from '@provisio/core/invites';
import { orgProcedure } from '../../trpc.ts';
import { ZInviteStatusRequestSchema, ZInviteStatusResponseSchema } from './invite-status.types.ts';

/** The user's latest invite: pending, sent (when), accepted, expired, or failed (why); null if never invited. */
export const inviteStatusProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZInviteStatusRequestSchema)
  .output(ZInviteStatusResponseSchema)
  .query(({ ctx, input }) =>
    getInviteStatus({ invites: ctx.db.invites, clock: ctx.clock }, { orgId: ctx.auth.orgId, userId: input.userId }),
  );
