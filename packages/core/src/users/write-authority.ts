import { AppError } from '../errors/app-error.ts';
import { normaliseKey } from './normalise-key.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { UserRole, UserStatus } from './user-enums.ts';

/** What the caller of a user write may do to admin accounts. */
export type WriteAuthority = {
  /** The caller holds the `admin` scope (an admin key, an admin's web session). */
  admin: boolean;
  /**
   * An org admin mapped an IdP role value to `admin` (org settings `roleMapping`): they let
   * the IdP decide who is an admin, so its writes may also create and change admins.
   */
  adminDelegated: boolean;
};

/** What the rule compares of a user, before and after a write. */
export type GuardedState = {
  role: UserRole;
  status: UserStatus;
  attributes: Pick<UserAttributes, 'userName' | 'emails'>;
};

/** userName and emails as sign-in and the invite mail use them (case-insensitive; the order picks the recipient). */
const identityOf = ({ attributes }: GuardedState) =>
  JSON.stringify([
    normaliseKey(attributes.userName),
    (attributes.emails ?? []).map((e) => [normaliseKey(e.value), e.primary === true]),
  ]);

const refuse = (what: string) =>
  new AppError('FORBIDDEN', {
    message: `${what} needs a key with the 'admin' scope (or an org admin's role mapping to 'admin' for writes from the IdP)`,
  });

/**
 * A key can never make a principal with more rights than it has. Without `admin` scope
 * or delegation, a write may not grant the admin role, nor change an admin in a way that
 * could hand the account to someone else or give its rights back: its userName or
 * emails (where sign-in and invite mail go) or a reactivation. Writes that only remove
 * rights (deactivate, delete, demote) are allowed. Checked against the version being
 * written, so a lost race decides again on the new state.
 */
export function assertWriteAllowed(authority: WriteAuthority, before: GuardedState | null, after: GuardedState): void {
  if (authority.admin || authority.adminDelegated || after.role !== 'admin') return;
  if (before?.role !== 'admin') throw refuse(before ? 'granting the admin role' : 'creating an admin');
  if (before.status === 'deactivated' && after.status !== 'deactivated') throw refuse('reactivating an admin');
  if (identityOf(before) !== identityOf(after)) throw refuse("changing an admin's userName or emails");
}
