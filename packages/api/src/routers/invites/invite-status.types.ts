import { InviteStatusSchema } from '@provisio/core/invites';
import { z } from 'zod';

export const ZInviteStatusRequestSchema = z.object({ userId: z.string().min(1).max(200) });
export const ZInviteStatusResponseSchema = InviteStatusSchema.nullable();
