import { GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { listResponseOf, ZListRequestSchema } from '../shared-schemas.ts';

export const ZListGroupsRequestSchema = ZListRequestSchema.extend({
  /** Default false: members of every group on the page (can be large). */
  includeMembers: z.boolean().optional(),
});
export const ZListGroupsResponseSchema = listResponseOf(GroupRecordSchema);
