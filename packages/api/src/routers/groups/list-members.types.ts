import { GroupMemberSchema } from '@provisio/core';
import { listResponseOf, ZIdSchema, ZPageWindowSchema } from '../shared-schemas.ts';

export const ZListMembersRequestSchema = ZPageWindowSchema.extend({ id: ZIdSchema });
export const ZListMembersResponseSchema = listResponseOf(GroupMemberSchema);
