import { z } from 'zod';
import { UserRecordSchema } from '../users/user-record.ts';

/** The lifecycle changes a user goes through, as internal tools see them. */
export const USER_EVENT_TYPES = ['created', 'updated', 'deactivated', 'reactivated', 'deleted'] as const;
export type UserEventType = (typeof USER_EVENT_TYPES)[number];

/** How long events are kept; a resume id older than this must resync (a sweeper deletes older ones). */
export const USER_EVENT_RETENTION_DAYS = 30;

/**
 * One lifecycle change of one user. `id` is a time-ordered UUIDv7: resume after it with
 * `lastEventId`. `version` is the user's version after the change (for `deleted`: the
 * last version + 1): a mirror applies an event only when its version is newer than the
 * one it holds, which also makes a re-delivered event harmless.
 */
export const UserEventSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  type: z.enum(USER_EVENT_TYPES),
  userId: z.string(),
  version: z.number().int().positive(),
  /** When the change was made (ISO-8601). */
  at: z.iso.datetime(),
  /** The user after the change; null for `deleted`. */
  user: UserRecordSchema.nullable(),
});
export type UserEvent = z.infer<typeof UserEventSchema>;
