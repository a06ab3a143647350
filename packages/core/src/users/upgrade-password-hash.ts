import type { Clock } from '../clock.ts';
import { hashPassword } from './hash-password.ts';
import type { UserRepository } from './user-repository.ts';

export type UpgradePasswordHashOptions = {
  orgId: string;
  userId: string;
  /** The password that just verified against the stored hash. */
  password: string;
  /** The user's version read together with that hash. */
  version: number;
};

/**
 * Rehashes a password whose stored hash has older parameters, through the user's
 * versioned write: only if the user is still at the version the verified hash was read
 * with, so a concurrent change (of the password or anything else) always wins and the
 * next sign-in tries again. True when the new hash was stored.
 */
export async function upgradePasswordHash(
  deps: { users: Pick<UserRepository, 'findById' | 'updateIfVersion'>; clock: Clock },
  { orgId, userId, password, version }: UpgradePasswordHashOptions,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const user = await deps.users.findById(orgId, userId);
  if (user?.version !== version) return false;
  const updated = await deps.users.updateIfVersion(orgId, userId, version, {
    attributes: user.attributes,
    status: user.status,
    previous: user,
    passwordHash,
    now: deps.clock.now(),
  });
  return updated !== null;
}
