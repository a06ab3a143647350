import { z } from 'zod';
import { GroupRecordSchema } from '../groups/group-record.ts';
import { GROUP_EVENT_TYPES } from '../webhooks/webhook-event-types.ts';

/** What happens to groups and their members, as webhook receivers see it (declared without imports, for the browser). */
export { GROUP_EVENT_TYPES };
export type GroupEventType = (typeof GROUP_EVENT_TYPES)[number];

/** A group as its events carry it: without the member list (membership events tell members one by one). */
export const GroupSummarySchema = GroupRecordSchema.omit({ members: true });
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/**
 * One change of a group (`group.*`) or of one membership (`membership.*`), in the group event
 * log (`group_events`), a sibling of the user log with the same ids, settle window and retention.
 * `group.*` carry the group's `version` after the change (deleted: the last version + 1) and the
 * group (null once deleted); `membership.*` carry the `userId` added or removed.
 */
export const GroupEventSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  type: z.enum(GROUP_EVENT_TYPES),
  groupId: z.string(),
  userId: z.string().nullable(),
  version: z.number().int().positive().nullable(),
  /** When the change was made (ISO-8601). */
  at: z.iso.datetime(),
  group: GroupSummarySchema.nullable(),
});
export type GroupEvent = z.infer<typeof GroupEventSchema>;

export const groupSummary = ({ members: _members, ...group }: GroupSummary & { members?: unknown }): GroupSummary =>
  group;
