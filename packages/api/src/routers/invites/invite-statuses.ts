import { getInviteStatuses } from '@provisio/core/invites';
import { orgProcedure } from '../../trpc.ts';
import { ZInviteStatusesRequestSchema, ZInviteStatusesResponseSchema } from './invite-statuses.types.ts';

/** `invites.status` for a page of users in one call and one read: each user's latest invite, or null, in the order asked. */
export const inviteStatusesProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZInviteStatusesRequestSchema)
  .output(ZInviteStatusesResponseSchema)
  .query(({ ctx, input }) =>
    getInviteStatuses({ invites: ctx.db.invites, clock: ctx.clock }, { orgId: ctx.auth.orgId, userIds: input.userIds }),
  );
