import { USER_ROLES, UserAttributesSchema, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

const Settable = UserAttributesSchema.omit({ active: true });

export const ZUpdateUserRequestSchema = z.object({
  id: ZIdSchema,
  /** Top-level attributes to set; each replaces its stored value whole. */
  set: Settable.partial().default({}),
  /** Top-level attributes to remove. */
  clear: z
    .array(Settable.omit({ userName: true }).keyof())
    .max(32)
    .optional(),
  /** The role, named outright (wins over what `set.roles` map to); `admin` needs the `admin` scope. */
  role: z.enum(USER_ROLES).optional(),
  ifMatchVersion: ZIfMatchVersionSchema,
});
export const ZUpdateUserResponseSchema = UserRecordSchema;
