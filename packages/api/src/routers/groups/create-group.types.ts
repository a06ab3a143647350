import { GroupAttributesSchema, GroupMemberSchema, GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';

export const ZCreateGroupRequestSchema = z.object({
  attributes: GroupAttributesSchema,
  /** Users of the org; an unknown id (or a group) refuses the whole create: BAD_REQUEST/invalidValue. */
  members: z.array(GroupMemberSchema).optional(),
});
export const ZCreateGroupResponseSchema = GroupRecordSchema;
