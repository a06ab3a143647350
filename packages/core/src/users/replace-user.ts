import { cleanUserAttributes } from './clean-attributes.ts';
import { retryOnVersionConflict } from './retry-on-version-conflict.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import { nextStatus } from './user-status.ts';
import { assertWriteAllowed } from './write-authority.ts';
import type { WriteAuthority } from './write-authority.ts';

export type ReplaceUserOptions = {
  orgId: string;
  id: string;
  /** The whole new resource (PUT): attributes left out are cleared. */
  attributes: UserAttributes;
  /** `If-Match`: fails with PRECONDITION_FAILED when the stored version differs. */
  ifMatchVersion?: number;
  /** The role SCIM `roles` resolved to; omitted keeps the current role. */
  role?: UserRole;
  /** What the caller may do to admin accounts. */
  authority: WriteAuthority;
  /** The user as the caller has just read it (null: not found), so the first attempt reads nothing. */
  read?: UserRecord | null;
};

/** PUT: replaces the attributes, keeps id, created, source, password and role; `active` maps to status. */
export async function replaceUser(
  deps: Pick<DomainDeps, 'users' | 'clock'>,
  options: ReplaceUserOptions,
): Promise<UserRecord> {
  const { orgId, id } = options;
  const attributes = cleanUserAttributes(options.attributes);
  return retryOnVersionConflict({
    what: 'user',
    ifMatchVersion: options.ifMatchVersion,
    ...(options.read !== undefined ? { read: options.read } : {}),
    load: () => deps.users.findById(orgId, id),
    attempt: (current) => {
      const status = nextStatus(current.status, attributes.active, current.acceptedAt);
      assertWriteAllowed(options.authority, current, { role: options.role ?? current.role, status, attributes });
      return deps.users.updateIfVersion(orgId, id, current.version, {
        attributes,
        status,
        previous: current,
        ...(options.role ? { role: options.role } : {}),
        now: deps.clock.now(),
      });
    },
  });
}
