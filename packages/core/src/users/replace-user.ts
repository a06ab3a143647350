import { cleanUserAttributes } from './clean-attributes.ts';
import { hashPassword } from './hash-password.ts';
import { retryOnVersionConflict } from './retry-on-version-conflict.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import { nextStatus } from './user-status.ts';

export type ReplaceUserOptions = {
  orgId: string;
  id: string;
  /** The whole new resource (PUT): attributes left out are cleared. */
  attributes: UserAttributes;
  /** A new password, hashed; omitted keeps the stored hash. */
  password?: string;
  /** `If-Match`: fails with PRECONDITION_FAILED when the stored version differs. */
  ifMatchVersion?: number;
  /** The role SCIM `roles` resolved to; omitted keeps the current role. */
  role?: UserRole;
};

/** PUT: replaces the attributes, keeps id, created, source and role; `active` maps to status. */
export async function replaceUser(deps: Pick<DomainDeps, 'users' | 'clock'>, options: ReplaceUserOptions): Promise<UserRecord> {
  const { orgId, id } = options;
  const attributes = cleanUserAttributes(options.attributes);
  const passwordHash = options.password ? await hashPassword(options.password) : undefined;
  return retryOnVersionConflict({
    what: 'user',
    ifMatchVersion: options.ifMatchVersion,
    load: () => deps.users.findById(orgId, id),
    attempt: (current) =>
      deps.users.updateIfVersion(orgId, id, current.version, {
        attributes,
        status: nextStatus(current.status, attributes.active, current.acceptedAt),
        ...(passwordHash ? { passwordHash } : {}),
        ...(options.role ? { role: options.role } : {}),
        now: deps.clock.now(),
      }),
  });
}
