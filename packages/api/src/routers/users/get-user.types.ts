import { UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema } from '../shared-schemas.ts';

export const ZGetUserRequestSchema = z.object({
  id: ZIdSchema,
  /** False: `groups` comes back empty, unread (the SCIM adapter, when the response shows none). */
  withGroups: z.boolean().optional(),
});
export const ZGetUserResponseSchema = UserRecordSchema;
