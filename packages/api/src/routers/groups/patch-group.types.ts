import { GroupRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZPatchGroupRequestSchema = z.object({
  id: ZIdSchema,
  /** The SCIM PatchOp body as received; @provisio/scim validates and applies it. */
  patch: z.unknown(),
  ifMatchVersion: ZIfMatchVersionSchema,
});
/** The group without members (PATCH responses should not list 50,000 members). */
export const ZPatchGroupResponseSchema = GroupRecordSchema;
