import { USER_ROLES, USER_SOURCES, UserAttributesSchema, UserRecordSchema } from '@provisio/core';
import { z } from 'zod';

export const ZCreateUserRequestSchema = z.object({
  attributes: UserAttributesSchema,
  /** SCIM `password`: hashed with scrypt, never returned. */
  password: z.string().min(1).max(1024).optional(),
  source: z.enum(USER_SOURCES).optional(),
  role: z.enum(USER_ROLES).optional(),
});
export const ZCreateUserResponseSchema = UserRecordSchema;
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequestSchema>;
