import { z } from 'zod';

/** A member reference as the domain sees it: the member's opaque id and, optionally, a label. */
export const GroupMemberSchema = z.object({
  value: z.string().min(1),
  display: z.string().optional(),
  type: z.enum(['User', 'Group']).optional(),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

/** A group's own attributes; members are stored apart so one change is one atomic update. */
export const GroupAttributesSchema = z.object({
  displayName: z.string().min(1),
  externalId: z.string().optional(),
  extensions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type GroupAttributes = z.infer<typeof GroupAttributesSchema>;

/**
 * A membership change reported by the PATCH engine: storage applies it without
 * rewriting the group. `replaceAll` means "the members are exactly `add`".
 */
export type MembershipDelta = {
  add: GroupMember[];
  remove: string[];
  replaceAll: boolean;
};
