import { retryOnVersionConflict } from '@provisio/core';
import type { UserRepository } from '@provisio/core';
import type { InviteUsers } from '@provisio/core/invites';

/** The user side of invites, through the user repository's versioned writes. */
export function createInviteUsers(users: UserRepository): InviteUsers {
  return {
    // An invite needs the person's status, name and address, never their groups: one read, not two.
    findById: (orgId, id) => users.findById(orgId, id, { withGroups: false }),
    async markAccepted(orgId, id, { passwordHash, now }) {
      const current = await users.findById(orgId, id);
      if (current?.status !== 'invited') return false;
      const updated = await retryOnVersionConflict({
        what: 'user',
        // The token is already used: giving up early would leave the person unable to finish.
        budgetMs: Number.POSITIVE_INFINITY,
        load: () => users.findById(orgId, id),
        attempt: async (user) =>
          user.status !== 'invited'
            ? { ...user, status: user.status }
            : users.updateIfVersion(orgId, id, user.version, {
                attributes: user.attributes,
                status: 'active',
                previous: user,
                ...(passwordHash ? { passwordHash } : {}),
                acceptedAt: now,
                now,
              }),
      });
      return updated.status === 'active' && updated.acceptedAt !== null;
    },
  };
}
