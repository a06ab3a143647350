import { z } from 'zod';

/**
 * The attributes of a user as the domain and storage see them: the SCIM core User and
 * the Enterprise extension, with no URNs as keys, no `$ref`, no `meta`. Keys never
 * contain `.` or start with `$`, so the shape is storable as is in MongoDB.
 * @provisio/scim's `fromScimUser` produces exactly this shape (structurally).
 */
const str = z.string();

export const MultiValueSchema = z.object({
  value: str,
  display: str.optional(),
  type: str.optional(),
  primary: z.boolean().optional(),
});

export const AddressSchema = z.object({
  formatted: str.optional(),
  streetAddress: str.optional(),
  locality: str.optional(),
  region: str.optional(),
  postalCode: str.optional(),
  country: str.optional(),
  type: str.optional(),
  primary: z.boolean().optional(),
});

export const NameSchema = z.object({
  formatted: str.optional(),
  familyName: str.optional(),
  givenName: str.optional(),
  middleName: str.optional(),
  honorificPrefix: str.optional(),
  honorificSuffix: str.optional(),
});

export const EnterpriseSchema = z.object({
  employeeNumber: str.optional(),
  costCenter: str.optional(),
  organization: str.optional(),
  division: str.optional(),
  department: str.optional(),
  manager: z.object({ value: str, displayName: str.optional() }).optional(),
});

/** Attributes of an org-registered extension, stored under its safe `key` (never its URN). */
export const ExtensionDataSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const UserAttributesSchema = z.object({
  userName: str.min(1),
  externalId: str.optional(),
  name: NameSchema.optional(),
  displayName: str.optional(),
  nickName: str.optional(),
  profileUrl: str.optional(),
  title: str.optional(),
  userType: str.optional(),
  preferredLanguage: str.optional(),
  locale: str.optional(),
  timezone: str.optional(),
  active: z.boolean(),
  emails: z.array(MultiValueSchema).optional(),
  phoneNumbers: z.array(MultiValueSchema).optional(),
  ims: z.array(MultiValueSchema).optional(),
  photos: z.array(MultiValueSchema).optional(),
  addresses: z.array(AddressSchema).optional(),
  entitlements: z.array(MultiValueSchema).optional(),
  roles: z.array(MultiValueSchema).optional(),
  x509Certificates: z.array(MultiValueSchema).optional(),
  enterprise: EnterpriseSchema.optional(),
  extensions: ExtensionDataSchema.optional(),
});
export type UserAttributes = z.infer<typeof UserAttributesSchema>;
