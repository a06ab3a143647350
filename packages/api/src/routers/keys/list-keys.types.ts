import { KeyRecordSchema } from '@provisio/core/keys';
import { z } from 'zod';

export const ZListKeysRequestSchema = z
  .object({ ownerId: z.string().max(256).optional(), includeRevoked: z.boolean().optional() })
  .optional();
export const ZListKeysResponseSchema = z.object({ items: z.array(KeyRecordSchema) });
