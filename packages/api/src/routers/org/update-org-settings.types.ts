import { OrgRecordSchema, OrgSettingsSchema } from '@provisio/core/orgs';
import { z } from 'zod';

/** Only the settings given change. `keyRateLimit` is the platform's (the procedure refuses it with FORBIDDEN). */
export const ZUpdateOrgSettingsRequestSchema = OrgSettingsSchema.omit({ keyRateLimit: true })
  .partial()
  .extend({ keyRateLimit: z.unknown().optional() });
export const ZUpdateOrgSettingsResponseSchema = OrgRecordSchema;
