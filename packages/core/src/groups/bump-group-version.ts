import { isAppError } from '../errors/app-error.ts';
import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { GroupRecord } from './group-record.ts';

/**
 * Bumps a group's version and lastModified after its members changed, through the same
 * conditional write as every other change (so it never clobbers a concurrent rename).
 * Null when the group no longer exists. `read`: the group as the caller read it this request.
 */
export async function bumpGroupVersion(
  deps: Pick<DomainDeps, 'groups' | 'clock'>,
  orgId: string,
  id: string,
  read?: GroupRecord,
): Promise<GroupRecord | null> {
  try {
    return await retryOnVersionConflict({
      what: 'group',
      maxAttempts: 40,
      // The group as the caller read it serves the first attempt; a lost race reads again.
      ...(read ? { read } : {}),
      load: () => deps.groups.findById(orgId, id),
      attempt: (current) =>
        deps.groups.updateIfVersion(orgId, id, current.version, {
          attributes: current.attributes,
          now: deps.clock.now(),
        }),
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
