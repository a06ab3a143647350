import { retryOnVersionConflict } from './retry-on-version-conflict.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRecord } from './user-record.ts';
import { nextStatus } from './user-status.ts';
import { assertWriteAllowed } from './write-authority.ts';
import type { WriteAuthority } from './write-authority.ts';

export type SetUserActiveOptions = {
  orgId: string;
  id: string;
  active: boolean;
  /** What the caller may do to admin accounts: reactivating an admin needs one of them. */
  authority: WriteAuthority;
  /** The user as the caller has just read it (null: not found), so the first attempt reads nothing. */
  read?: UserRecord | null;
};

/**
 * Deactivate (`active: false`) or reactivate (`active: true`). Idempotent: a user already
 * in the wanted state is returned unchanged, with no write and no version bump.
 */
export async function setUserActive(
  deps: Pick<DomainDeps, 'users' | 'clock'>,
  { orgId, id, active, authority, read }: SetUserActiveOptions,
): Promise<UserRecord> {
  return retryOnVersionConflict({
    what: 'user',
    ...(read !== undefined ? { read } : {}),
    load: () => deps.users.findById(orgId, id),
    attempt: async (current) => {
      const status = nextStatus(current.status, active, current.acceptedAt);
      if (status === current.status) return current;
      const attributes = { ...current.attributes, active };
      assertWriteAllowed(authority, current, { role: current.role, status, attributes });
      return deps.users.updateIfVersion(orgId, id, current.version, {
        attributes,
        status,
        previous: current,
        now: deps.clock.now(),
      });
    },
  });
}
