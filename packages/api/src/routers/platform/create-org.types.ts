import { ORG_PLANS, OrgRecordSchema, OrgSettingsSchema } from '@provisio/core/orgs';
import { KeyRecordSchema } from '@provisio/core/keys';
import { ServiceAccountRecordSchema } from '@provisio/core/service-accounts';
import { z } from 'zod';

export const ZCreateOrgRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  plan: z.enum(ORG_PLANS),
  settings: OrgSettingsSchema.partial().optional(),
});

export const ZCreateOrgResponseSchema = z.object({
  org: OrgRecordSchema,
  serviceAccount: ServiceAccountRecordSchema,
  /** The SCIM connection: base URL and the key, shown this once. */
  scim: z.object({ baseUrl: z.string(), token: z.string(), key: KeyRecordSchema }),
});
