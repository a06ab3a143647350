import { cleanUserAttributes } from './clean-attributes.ts';
import { retryOnVersionConflict } from './retry-on-version-conflict.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import { nextStatus } from './user-status.ts';
import { assertWriteAllowed } from './write-authority.ts';
import type { WriteAuthority } from './write-authority.ts';

/** What a patch produces from the current user: the next attributes, and a role if it names one. */
export type UserPatchResult = { attributes: UserAttributes; role?: UserRole };

export type PatchUserOptions = {
  orgId: string;
  id: string;
  /**
   * Applies the change to the current state; pure, because it runs again against the new
   * version after a lost race. May throw (e.g. a SCIM `noTarget`), which ends the patch.
   */
  apply: (current: UserRecord) => UserPatchResult;
  ifMatchVersion?: number;
  /** What the caller may do to admin accounts. */
  authority: WriteAuthority;
  /** The user as the caller has just read it (null: not found), so the first attempt reads nothing. */
  read?: UserRecord | null;
};

/** PATCH: re-applied against the latest version until one conditional write wins. */
export async function patchUser(
  deps: Pick<DomainDeps, 'users' | 'clock'>,
  options: PatchUserOptions,
): Promise<UserRecord> {
  const { orgId, id } = options;
  return retryOnVersionConflict({
    what: 'user',
    ifMatchVersion: options.ifMatchVersion,
    ...(options.read !== undefined ? { read: options.read } : {}),
    load: () => deps.users.findById(orgId, id),
    attempt: (current) => {
      const result = options.apply(current);
      const attributes = cleanUserAttributes(result.attributes);
      const status = nextStatus(current.status, attributes.active, current.acceptedAt);
      assertWriteAllowed(options.authority, current, { role: result.role ?? current.role, status, attributes });
      return deps.users.updateIfVersion(orgId, id, current.version, {
        attributes,
        status,
        previous: current,
        ...(result.role ? { role: result.role } : {}),
        now: deps.clock.now(),
      });
    },
  });
}
