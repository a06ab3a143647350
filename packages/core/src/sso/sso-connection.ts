import { z } from 'zod';

const attributeName = z.string().trim().min(1).max(512);

/** Which assertion attribute fills which user field; `nameId` takes the email from the NameID. */
export const SsoAttributeMappingSchema = z.object({
  email: attributeName,
  givenName: attributeName.nullable(),
  familyName: attributeName.nullable(),
  displayName: attributeName.nullable(),
  /** Group or role names: mapped to a role through the org's role mapping, as SCIM `roles` are. */
  groups: attributeName.nullable(),
});
export type SsoAttributeMapping = z.infer<typeof SsoAttributeMappingSchema>;

/** Okta's and Entra's defaults both put the email (or UPN) in the NameID. */
export const DEFAULT_SSO_MAPPING: SsoAttributeMapping = {
  email: 'nameId',
  givenName: null,
  familyName: null,
  displayName: null,
  groups: null,
};

export const IdpCertificateSchema = z.object({
  /** Base64 DER, as metadata carries it. */
  der: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  notAfter: z.iso.datetime(),
});
export type IdpCertificate = z.infer<typeof IdpCertificateSchema>;

export const IdpSettingsSchema = z.object({
  entityId: z.string(),
  ssoUrl: z.string(),
  /** One, or two while the IdP rotates its signing key (either verifies). */
  certificates: z.array(IdpCertificateSchema).min(1).max(2),
  /** Where the metadata was fetched from, when it was not pasted. */
  metadataUrl: z.string().nullable(),
});
export type IdpSettings = z.infer<typeof IdpSettingsSchema>;

export const SsoDomainSchema = z.object({
  domain: z.string(),
  /** Set by the platform admin once they checked the org owns the domain (see README, "Email domains"). */
  verifiedAt: z.iso.datetime().nullable(),
});
export type SsoDomain = z.infer<typeof SsoDomainSchema>;

/** An org's SAML connection. JIT and "SSO required" are org settings (`samlJitEnabled`, `ssoEnabled`). */
export const SsoConnectionSchema = z.object({
  orgId: z.string(),
  /** Null until an admin loads the IdP's metadata. */
  idp: IdpSettingsSchema.nullable(),
  mapping: SsoAttributeMappingSchema,
  /** Accept sign-ins started at the IdP (no request of ours to answer). Off by default. */
  idpInitiated: z.boolean(),
  /** Admins who may still sign in with a password while SSO is required (when the IdP is down). */
  breakGlassAdminIds: z.array(z.string()).max(10),
  /** Stamped at most once a minute: precise enough for a 30-day warning. */
  lastSignInAt: z.iso.datetime().nullable(),
  /** When the IdP was first set up (the "no sign-in in 30 days" warning counts from it). */
  connectedAt: z.iso.datetime().nullable(),
  lastModified: z.iso.datetime().nullable(),
});
export type SsoConnection = z.infer<typeof SsoConnectionSchema>;

export const emptySsoConnection = (orgId: string): SsoConnection => ({
  orgId,
  idp: null,
  mapping: DEFAULT_SSO_MAPPING,
  idpInitiated: false,
  breakGlassAdminIds: [],
  lastSignInAt: null,
  connectedAt: null,
  lastModified: null,
});

/** The parts an admin changes (the IdP through its metadata). */
export type SsoConnectionChanges = Partial<
  Pick<SsoConnection, 'idp' | 'mapping' | 'idpInitiated' | 'breakGlassAdminIds'>
>;
