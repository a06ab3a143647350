import { UserRecordSchema } from '@provisio/core';
import type { z } from 'zod';
import { listResponseOf, ZListRequestSchema } from '../shared-schemas.ts';

export const ZListUsersRequestSchema = ZListRequestSchema;
export const ZListUsersResponseSchema = listResponseOf(UserRecordSchema);
export type TListUsersRequest = z.infer<typeof ZListUsersRequestSchema>;
