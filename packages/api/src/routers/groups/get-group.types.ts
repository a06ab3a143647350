import { GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema } from '../shared-schemas.ts';

export const ZGetGroupRequestSchema = z.object({
  id: ZIdSchema,
  /** Default true (SCIM returns members); false for `excludedAttributes=members`. */
  includeMembers: z.boolean().optional(),
});
export const ZGetGroupResponseSchema = GroupRecordSchema;
