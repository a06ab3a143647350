import { uuidV7 } from '../ids/uuid-v7.ts';
import { cleanUserAttributes } from './clean-attributes.ts';
import { hashPassword } from './hash-password.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole, UserSource } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';

export type CreateUserOptions = {
  orgId: string;
  attributes: UserAttributes;
  /** SCIM `password`: stored as a scrypt hash, never returned; omit to create without one. */
  password?: string;
  /** Default `scim`. */
  source?: UserSource;
  /** Default `standard`. */
  role?: UserRole;
};

/**
 * Provisions a user. `active: true` creates an `invited` user (a `jit` user has just signed
 * in, so it is `active`); `active: false` a `deactivated` one. A userName taken in any
 * letter case is CONFLICT/uniqueness.
 */
export async function createUser(deps: Pick<DomainDeps, 'users' | 'clock'>, options: CreateUserOptions): Promise<UserRecord> {
  const source = options.source ?? 'scim';
  const now = deps.clock.now();
  const status = !options.attributes.active ? 'deactivated' : source === 'jit' ? 'active' : 'invited';
  return deps.users.insert(options.orgId, {
    id: uuidV7(now.getTime()),
    attributes: cleanUserAttributes(options.attributes),
    status,
    source,
    role: options.role ?? 'standard',
    ...(options.password ? { passwordHash: await hashPassword(options.password) } : {}),
    ...(source === 'jit' ? { acceptedAt: now } : {}),
    now,
  });
}
