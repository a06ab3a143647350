import { UserRecordSchema } from '@provisio/core';
import type { z } from 'zod';
import { listResponseOf, ZListRequestSchema } from '../shared-schemas.ts';

export const ZSearchUsersRequestSchema = ZListRequestSchema;
export const ZSearchUsersResponseSchema = listResponseOf(UserRecordSchema);
export type TSearchUsersRequest = z.infer<typeof ZSearchUsersRequestSchema>;
