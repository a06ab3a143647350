import type { InviteDeps } from './invite-deps.ts';
import { toInviteStatus } from './invite-record.ts';
import type { InviteStatus } from './invite-record.ts';

/** The latest invite of a user as admins see it, or null when the user was never invited. */
export async function getInviteStatus(
  deps: Pick<InviteDeps, 'invites' | 'clock'>,
  { orgId, userId }: { orgId: string; userId: string },
): Promise<InviteStatus | null> {
  const latest = await deps.invites.latestForUser(orgId, userId);
  return latest ? toInviteStatus(latest, deps.clock.now()) : null;
}

/** The latest invite of each of `userIds` (null: never invited), in their order, from one read. */
export async function getInviteStatuses(
  deps: Pick<InviteDeps, 'invites' | 'clock'>,
  { orgId, userIds }: { orgId: string; userIds: readonly string[] },
): Promise<Array<{ userId: string; invite: InviteStatus | null }>> {
  const latest = await deps.invites.latestForUsers(orgId, userIds);
  const now = deps.clock.now();
  return userIds.map((userId) => {
    const invite = latest.get(userId);
    return { userId, invite: invite ? toInviteStatus(invite, now) : null };
  });
}
