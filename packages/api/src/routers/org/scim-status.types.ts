import { KeyRecordSchema } from '@provisio/core/keys';
import { ORG_PLANS, SCIM_WARNING_CODES } from '@provisio/core/orgs';
import { z } from 'zod';

export const ZScimStatusResponseSchema = z.object({
  plan: z.enum(ORG_PLANS),
  scimEnabled: z.boolean(),
  samlJitEnabled: z.boolean(),
  /** True when SCIM calls are served (plan includes SCIM and it is enabled). */
  available: z.boolean(),
  scimBaseUrl: z.string(),
  scimKeys: z.array(KeyRecordSchema),
  warnings: z.array(z.object({ code: z.enum(SCIM_WARNING_CODES), keyId: z.string().nullable(), message: z.string() })),
});
