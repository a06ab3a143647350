import { recordChange } from '../audit/record-change.ts';
import type { AuditCollector } from '../audit/audit-collector.ts';
import type { InviteIssueDeps } from '../invites/invite-deps.ts';
import { createWithInvite } from '../invites/invite-new-user.ts';
import { accessLoss, revokeOnAccessLoss } from '../keys/revoke-on-access-loss.ts';
import type { AccessLossDeps } from '../keys/revoke-on-access-loss.ts';
import type { UserRecord } from './user-record.ts';
import type { UserRepository } from './user-repository.ts';

export type UserEffectsOptions = {
  /** The request's audit collector (none: internal callers). */
  audit: AuditCollector | undefined;
  /** Key revocation when a write takes access away; null when the writer is no org principal. */
  access: AccessLossDeps | null;
  /** Where a new user's invite goes. */
  invites: InviteIssueDeps;
};

/** What the ledger diffs for a user: its attributes plus role and lifecycle status. */
const auditedState = (user: UserRecord | null) =>
  user ? { ...user.attributes, role: user.role, status: user.status } : null;

/**
 * The user repository, bringing the effects of every user write that took effect, with the
 * user before (as the write's caller read it) and after: the attribute changes go to the
 * audit collector; a write that deprovisioned the user or took their admin role revokes
 * their keys (a demoted admin's `admin` keys) before the response goes out; a new user
 * waiting to sign in gets an invite. Wrapping the port, as `withUserEvents` does, means a
 * procedure cannot forget one. It reads nothing: the before-state comes with the write.
 */
export function withUserEffects(users: UserRepository, options: UserEffectsOptions): UserRepository {
  async function written(orgId: string, id: string, before: UserRecord | null, after: UserRecord | null) {
    recordChange(options.audit, {
      resourceType: 'User',
      resourceId: id,
      before: auditedState(before),
      after: auditedState(after),
    });
    const reason = accessLoss(before, after);
    if (reason && options.access) await revokeOnAccessLoss(options.access, { orgId, userId: id, reason });
  }

  return {
    ...users,
    insert(orgId, user) {
      // Enqueued, never awaited on mail: a queue outage leaves the invite to the sweeper.
      return createWithInvite(options.invites, { orgId, id: user.id, status: user.status }, async () => {
        const created = await users.insert(orgId, user);
        await written(orgId, created.id, null, created);
        return created;
      });
    },
    async updateIfVersion(orgId, id, expectedVersion, changes) {
      const updated = await users.updateIfVersion(orgId, id, expectedVersion, changes);
      if (updated) await written(orgId, id, changes.previous, updated);
      return updated;
    },
    async delete(orgId, id, removal) {
      const deleted = await users.delete(orgId, id, removal);
      if (deleted) await written(orgId, id, removal.read ?? null, null);
      return deleted;
    },
  };
}
