import { uuidV7 } from '../ids/uuid-v7.ts';
import { cleanUserAttributes } from './clean-attributes.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole, UserSource } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import { assertWriteAllowed } from './write-authority.ts';
import type { WriteAuthority } from './write-authority.ts';

export type CreateUserOptions = {
  orgId: string;
  attributes: UserAttributes;
  /** The path that created the user, decided by the server, never by a caller: SCIM → `scim`, an org principal over tRPC → `admin`, an SSO sign-in → `jit`. */
  source: UserSource;
  /** Default `standard`. */
  role?: UserRole;
  /** What the caller may do to admin accounts: creating an admin needs one of them. */
  authority: WriteAuthority;
};

/**
 * Provisions a user, without a password: people set theirs through the invite. `active:
 * true` creates an `invited` user (a `jit` user has just signed in, so it is `active`);
 * `active: false` a `deactivated` one. A userName taken in any letter case is
 * CONFLICT/uniqueness; an admin without the authority for it is FORBIDDEN.
 */
export async function createUser(
  deps: Pick<DomainDeps, 'users' | 'clock'>,
  options: CreateUserOptions,
): Promise<UserRecord> {
  const { source, role = 'standard' } = options;
  const now = deps.clock.now();
  const attributes = cleanUserAttributes(options.attributes);
  const status = !attributes.active ? 'deactivated' : source === 'jit' ? 'active' : 'invited';
  assertWriteAllowed(options.authority, null, { role, status, attributes });
  return deps.users.insert(options.orgId, {
    id: uuidV7(now.getTime()),
    attributes,
    status,
    source,
    role,
    ...(source === 'jit' ? { acceptedAt: now } : {}),
    now,
  });
}
