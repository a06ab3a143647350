import { KeyRecordSchema } from '@provisio/core/keys';
import { z } from 'zod';

export const ZRevokeKeyRequestSchema = z.object({ id: z.string().min(1).max(256) });
export const ZRevokeKeyResponseSchema = KeyRecordSchema;
