import { GroupMemberSchema, GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

/** `addMembers` / `replaceMembers`. */
export const ZMembersRequestSchema = z.object({
  id: ZIdSchema,
  members: z.array(GroupMemberSchema),
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZRemoveMembersRequestSchema = z.object({
  id: ZIdSchema,
  memberIds: z.array(z.string().min(1)),
  ifMatchVersion: ZIfMatchVersionSchema,
});
/** The group without members, version bumped. */
export const ZChangeMembersResponseSchema = GroupRecordSchema;
