import { z } from 'zod';
import { USER_ROLES } from '../users/user-enums.ts';

export const ORG_PLANS = ['free', 'pro', 'enterprise'] as const;
export type OrgPlan = (typeof ORG_PLANS)[number];

/** The plans that include SCIM provisioning. One constant, so a pricing change is one line. */
export const SCIM_PLANS: readonly OrgPlan[] = ['enterprise'];

export const OrgSettingsSchema = z.object({
  scimEnabled: z.boolean(),
  /** SAML just-in-time provisioning; should be off while SCIM is on. */
  samlJitEnabled: z.boolean(),
  ssoEnabled: z.boolean(),
  /** What a user gets when SCIM sends no role that matches one of ours. */
  defaultRole: z.enum(USER_ROLES),
  inviteTtlHours: z.number().int().min(1).max(24 * 30),
});
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const OrgRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.enum(ORG_PLANS),
  settings: OrgSettingsSchema,
  created: z.iso.datetime(),
  lastModified: z.iso.datetime(),
});
export type OrgRecord = z.infer<typeof OrgRecordSchema>;
