/**
 * Lifecycle of an account. `invited`: created, never signed in (reads `active: true` over
 * SCIM, or Okta loops); `active`: accepted; `deactivated`: SCIM `active: false`.
 */
export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Who created the account: an IdP over SCIM, an org admin, or just-in-time at first sign-in. */
export const USER_SOURCES = ['scim', 'admin', 'jit'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

export const USER_ROLES = ['admin', 'standard', 'read_only'] as const;
export type UserRole = (typeof USER_ROLES)[number];
