import { USER_STATUSES, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { listResponseOf, ZListRequestSchema } from '../shared-schemas.ts';

export const ZSearchUsersRequestSchema = ZListRequestSchema.extend({
  /** Only users in this state (`invited`, `active`, `deactivated`); SCIM callers never send it. */
  status: z.enum(USER_STATUSES).optional(),
});
export const ZSearchUsersResponseSchema = listResponseOf(UserRecordSchema);
