import { UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZPatchUserRequestSchema = z.object({
  id: ZIdSchema,
  /** The SCIM PatchOp body as received (`{ schemas?, Operations: [...] }`); @provisio/scim validates it. */
  patch: z.unknown(),
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZPatchUserResponseSchema = UserRecordSchema;
