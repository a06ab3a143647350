import { z } from 'zod';
import { MultiValueSchema } from './user-attributes.ts';
import { UserRecordSchema } from './user-record.ts';
import type { UserRecord } from './user-record.ts';
import { USER_STATUSES } from './user-enums.ts';

/** A user as `users.list` returns it: the whole record, plus its `emails` at the top for tools. */
export const UserListItemSchema = UserRecordSchema.extend({ emails: z.array(MultiValueSchema) });
export type UserListItem = z.infer<typeof UserListItemSchema>;

export const toUserListItem = (user: UserRecord): UserListItem => ({ ...user, emails: user.attributes.emails ?? [] });

/** The exact-match filters of `users.list` (all optional, combined with AND). */
export const UserListFiltersSchema = z.object({
  status: z.enum(USER_STATUSES).optional(),
  /** Any of the user's emails, ignoring case. */
  email: z.string().min(1).max(320).optional(),
  /** Ignoring case, as uniqueness does. */
  userName: z.string().min(1).max(256).optional(),
  /** Case-exact. */
  externalId: z.string().min(1).max(256).optional(),
  /** Direct members of this group. */
  groupId: z.string().min(1).max(256).optional(),
});
export type UserListFilters = z.infer<typeof UserListFiltersSchema>;

/** What storage runs for one cursor page: the filters, after an id, in id order. */
export type UserPageQuery = UserListFilters & { after?: string; limit: number };
