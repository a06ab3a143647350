import { USER_ROLES, UserAttributesSchema, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';

/**
 * Strict: there is no `password` (people set theirs through the invite) and no `source`
 * (the server knows the path), and a caller sending either is told so.
 */
export const ZCreateUserRequestSchema = z.strictObject({
  attributes: UserAttributesSchema,
  /** Named outright; `admin` needs the `admin` scope. Omitted: what SCIM `roles` map to, else the org default. */
  role: z.enum(USER_ROLES).optional(),
});
export const ZCreateUserResponseSchema = UserRecordSchema;
