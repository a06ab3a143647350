import { InviteStatusSchema } from '@provisio/core/invites';
import { z } from 'zod';

/** A page of users at most (the web app shows 25). */
export const INVITE_STATUSES_MAX = 100;

export const ZInviteStatusesRequestSchema = z.object({
  userIds: z.array(z.string().min(1).max(200)).max(INVITE_STATUSES_MAX),
});
export const ZInviteStatusesResponseSchema = z.array(
  z.object({ userId: z.string(), invite: InviteStatusSchema.nullable() }),
);
