import type { UserRecord } from '../users/user-record.ts';
import type { InviteIssueDeps } from './invite-deps.ts';
import { issueInvite } from './issue-invite.ts';

/**
 * A newly provisioned user waiting to sign in gets an invite; one created deactivated, or
 * just-in-time at sign-in (already active), does not. Never fails the creation.
 */
export async function inviteNewUser(
  deps: InviteIssueDeps,
  user: Pick<UserRecord, 'id' | 'status'> & { orgId: string },
) {
  if (user.status !== 'invited') return null;
  return issueInvite(deps, { orgId: user.orgId, userId: user.id, firstForUser: true });
}
