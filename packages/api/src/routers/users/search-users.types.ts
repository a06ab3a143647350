import { USER_STATUSES, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { listResponseOf, ZListRequestSchema } from '../shared-schemas.ts';

export const ZSearchUsersRequestSchema = ZListRequestSchema.extend({
  /** Only users in this state (`invited`, `active`, `deactivated`); SCIM callers never send it. */
  status: z.enum(USER_STATUSES).optional(),
  /**
   * The admin app's search box: users with, for each word, a word of their names, userName,
   * emails or externalId starting with it (case and accents ignored); ANDed with `filter`.
   */
  text: z.string().max(200).optional(),
});
export const ZSearchUsersResponseSchema = listResponseOf(UserRecordSchema);
