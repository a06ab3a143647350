import { z } from 'zod';
import { RoleMappingSchema } from '../roles/role-mapping.ts';

export const ORG_PLANS = ['free', 'pro', 'enterprise'] as const;
export type OrgPlan = (typeof ORG_PLANS)[number];

/** The plans that include SCIM provisioning. One constant, so a pricing change is one line. */
export const SCIM_PLANS: readonly OrgPlan[] = ['enterprise'];

/** What `defaultRole` may be: never `admin`, which only an admin or an explicit role mapping grants. */
export const DEFAULT_ROLES = ['standard', 'read_only'] as const;

/** Requests per second each key of an org may make: 50 unless the platform admin raises it. */
export const KEY_RATE_LIMIT = { default: 50, min: 1, max: 5_000 } as const;
export const KeyRateLimitSchema = z
  .number({ error: 'keyRateLimit must be a number of requests per second' })
  .int({ error: 'keyRateLimit must be a whole number of requests per second' })
  .min(KEY_RATE_LIMIT.min, { error: `keyRateLimit must be at least ${KEY_RATE_LIMIT.min} request per second` })
  .max(KEY_RATE_LIMIT.max, { error: `keyRateLimit must be at most ${KEY_RATE_LIMIT.max} requests per second` });

export const OrgSettingsSchema = z.object({
  scimEnabled: z.boolean(),
  /** SAML just-in-time provisioning; should be off while SCIM is on. */
  samlJitEnabled: z.boolean(),
  ssoEnabled: z.boolean(),
  /** What a user gets when SCIM sends no role, or only values that map to none. */
  defaultRole: z.enum(DEFAULT_ROLES),
  /**
   * IdP `roles` values → our roles, set by an org admin. Only `standard` and `read_only`
   * map by their own name; a value maps to `admin` only through an entry here.
   */
  roleMapping: RoleMappingSchema,
  inviteTtlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** Requests per second per key (bursts of twice that); only the platform admin changes it (`platform.setOrgKeyRateLimit`). */
  keyRateLimit: KeyRateLimitSchema,
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
