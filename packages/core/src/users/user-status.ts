import type { UserStatus } from './user-enums.ts';

/** SCIM `active` as IdPs must see it: only a deactivated user is inactive: an IdP that read an invited user as inactive would try to reactivate them. */
export const isActiveStatus = (status: UserStatus): boolean => status !== 'deactivated';

/**
 * The status after a write that says `active`. Deactivating is idempotent; activating a
 * deactivated user returns it to `active` if it ever signed in, else to `invited`; an
 * `invited`/`active` user stays as it is (Entra re-sends `active: true` every cycle).
 */
export function nextStatus(current: UserStatus, active: boolean, acceptedAt: string | null): UserStatus {
  if (!active) return 'deactivated';
  if (current !== 'deactivated') return current;
  return acceptedAt ? 'active' : 'invited';
}
