import { KeyRateLimitSchema, OrgRecordSchema } from '@provisio/core/orgs';
import { z } from 'zod';

export const ZSetOrgKeyRateLimitRequestSchema = z.object({
  orgId: z.string().min(1).max(256),
  keyRateLimit: KeyRateLimitSchema,
});
export const ZSetOrgKeyRateLimitResponseSchema = OrgRecordSchema;
