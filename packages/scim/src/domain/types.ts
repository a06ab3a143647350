/**
 * The domain shapes this package produces and consumes, reproduced structurally from
 * @provisio/core (which `scim` may not import): no URN keys, no `$ref`, no `meta`, no `id`.
 */
export type MultiValue = { value: string; display?: string; type?: string; primary?: boolean };

export type Address = {
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  type?: string;
  primary?: boolean;
};

export type Name = {
  formatted?: string;
  familyName?: string;
  givenName?: string;
  middleName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
};

export type EnterpriseAttributes = {
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  manager?: { value: string; displayName?: string };
};

/** Org-registered extension data, keyed by the extension's storage key (never its URN). */
export type ExtensionData = Record<string, Record<string, unknown>>;

export type UserAttributes = {
  userName: string;
  externalId?: string;
  name?: Name;
  displayName?: string;
  nickName?: string;
  profileUrl?: string;
  title?: string;
  userType?: string;
  preferredLanguage?: string;
  locale?: string;
  timezone?: string;
  active: boolean;
  emails?: MultiValue[];
  phoneNumbers?: MultiValue[];
  ims?: MultiValue[];
  photos?: MultiValue[];
  addresses?: Address[];
  entitlements?: MultiValue[];
  roles?: MultiValue[];
  x509Certificates?: MultiValue[];
  enterprise?: EnterpriseAttributes;
  extensions?: ExtensionData;
};

export type GroupMember = { value: string; display?: string; type?: 'User' | 'Group' };

export type GroupAttributes = { displayName: string; externalId?: string; extensions?: ExtensionData };

/** A membership change storage applies without rewriting the group; `replaceAll`: members are exactly `add`. */
export type MembershipDelta = { add: GroupMember[]; remove: string[]; replaceAll: boolean };
