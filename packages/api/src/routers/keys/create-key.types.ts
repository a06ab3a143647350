import { SCOPES } from '@provisio/core';
import { KEY_OWNER_TYPES, KeyRecordSchema } from '@provisio/core/keys';
import { z } from 'zod';

export const ZCreateKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  ownerType: z.enum(KEY_OWNER_TYPES),
  ownerId: z.string().min(1).max(256),
  scopes: z.array(z.enum(SCOPES)).min(1),
});

/** `token` is shown this once; only its hash is stored. */
export const ZCreateKeyResponseSchema = z.object({ key: KeyRecordSchema, token: z.string() });
