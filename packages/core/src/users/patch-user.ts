import { cleanUserAttributes } from './clean-attributes.ts';
import { hashPassword } from './hash-password.ts';
import { retryOnVersionConflict } from './retry-on-version-conflict.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import { nextStatus } from './user-status.ts';

/** What a patch produces from the current user: the next attributes, and a password if it set one. */
export type UserPatchResult = { attributes: UserAttributes; password?: string; role?: UserRole };

export type PatchUserOptions = {
  orgId: string;
  id: string;
  /**
   * Applies the change to the current state; pure, because it runs again against the new
   * version after a lost race. May throw (e.g. a SCIM `noTarget`), which ends the patch.
   */
  apply: (current: UserRecord) => UserPatchResult;
  ifMatchVersion?: number;
};

/** PATCH: re-applied against the latest version until one conditional write wins. */
export async function patchUser(deps: Pick<DomainDeps, 'users' | 'clock'>, options: PatchUserOptions): Promise<UserRecord> {
  const { orgId, id } = options;
  return retryOnVersionConflict({
    what: 'user',
    ifMatchVersion: options.ifMatchVersion,
    load: () => deps.users.findById(orgId, id),
    attempt: async (current) => {
      const result = options.apply(current);
      const attributes = cleanUserAttributes(result.attributes);
      return deps.users.updateIfVersion(orgId, id, current.version, {
        attributes,
        status: nextStatus(current.status, attributes.active, current.acceptedAt),
        ...(result.password ? { passwordHash: await hashPassword(result.password) } : {}),
        ...(result.role ? { role: result.role } : {}),
        now: deps.clock.now(),
      });
    },
  });
}
