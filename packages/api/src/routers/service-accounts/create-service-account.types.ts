import { ServiceAccountRecordSchema } from '@provisio/core/service-accounts';
import { z } from 'zod';

export const ZCreateServiceAccountRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
});
export const ZCreateServiceAccountResponseSchema = ServiceAccountRecordSchema;
