import { UserAttributesSchema, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

/** Strict: there is no `password` (people set theirs through the invite), and a caller sending one is told so. */
export const ZReplaceUserRequestSchema = z.strictObject({
  id: ZIdSchema,
  /** The whole resource: what is left out is cleared; `active` drives deactivate/reactivate. */
  attributes: UserAttributesSchema,
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZReplaceUserResponseSchema = UserRecordSchema;
