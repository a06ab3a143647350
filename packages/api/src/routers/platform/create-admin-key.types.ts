import { KeyRecordSchema } from '@provisio/core/keys';
import { z } from 'zod';

export const ZCreateAdminKeyRequestSchema = z.object({
  orgId: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(100).optional(),
});
/** `token` is shown this once. */
export const ZCreateAdminKeyResponseSchema = z.object({ key: KeyRecordSchema, token: z.string() });
