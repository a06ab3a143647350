import { GroupMemberSchema } from '@provisio/core';
import type { z } from 'zod';
import { listResponseOf, ZIdSchema, ZPageWindowSchema } from '../shared-schemas.ts';

export const ZListMembersRequestSchema = ZPageWindowSchema.extend({ id: ZIdSchema });
export const ZListMembersResponseSchema = listResponseOf(GroupMemberSchema);
export type TListMembersRequest = z.infer<typeof ZListMembersRequestSchema>;
