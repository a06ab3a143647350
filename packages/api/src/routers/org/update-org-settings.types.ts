import { OrgRecordSchema, OrgSettingsSchema } from '@provisio/core/orgs';

/** Only the settings given change. */
export const ZUpdateOrgSettingsRequestSchema = OrgSettingsSchema.partial();
export const ZUpdateOrgSettingsResponseSchema = OrgRecordSchema;
