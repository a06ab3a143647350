import { UserAttributesSchema, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZReplaceUserRequestSchema = z.object({
  id: ZIdSchema,
  /** The whole resource: what is left out is cleared; `active` drives deactivate/reactivate. */
  attributes: UserAttributesSchema,
  password: z.string().min(1).max(1024).optional(),
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZReplaceUserResponseSchema = UserRecordSchema;
export type TReplaceUserRequest = z.infer<typeof ZReplaceUserRequestSchema>;
