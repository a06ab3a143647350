import { GroupAttributesSchema, GroupMemberSchema, GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZReplaceGroupRequestSchema = z.object({
  id: ZIdSchema,
  attributes: GroupAttributesSchema,
  /** Required: PUT makes the members exactly this list (`[]` empties the group). */
  members: z.array(GroupMemberSchema),
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZReplaceGroupResponseSchema = GroupRecordSchema;
