import { z } from 'zod';
import { GroupAttributesSchema, GroupMemberSchema } from './group-attributes.ts';

/** A group as every layer above storage sees it. `members` is present only when asked for. */
export const GroupRecordSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  attributes: GroupAttributesSchema,
  /** Incremented by every change, membership changes included. */
  version: z.number().int().positive(),
  created: z.iso.datetime(),
  lastModified: z.iso.datetime(),
  members: z.array(GroupMemberSchema).optional(),
});
export type GroupRecord = z.infer<typeof GroupRecordSchema>;

/** A member as stored: always a user of the same org, with a label. */
export type ResolvedMember = { value: string; display?: string; type: 'User' };
