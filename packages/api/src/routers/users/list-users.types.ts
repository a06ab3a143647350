import { UserListFiltersSchema, UserListItemSchema } from '@provisio/core';
import { z } from 'zod';

export const ZListUsersRequestSchema = UserListFiltersSchema.extend({
  /** `nextCursor` of the previous page, with the same filters. */
  cursor: z.string().min(1).max(512).optional(),
  limit: z.number().int().min(1).max(500).optional(),
}).optional();
export const ZListUsersResponseSchema = z.object({
  items: z.array(UserListItemSchema),
  nextCursor: z.string().nullable(),
});
