import { hashInviteToken, looksLikeInviteToken } from './invite-token.ts';
import type { InviteDeps } from './invite-deps.ts';
import { recipientOf } from './recipient-of.ts';

/** Why a link cannot be used; each gets its own clear page. */
export type InviteLinkProblem = 'unknown' | 'expired' | 'used' | 'superseded' | 'unavailable';

export type InviteView =
  | {
      ok: true;
      orgId: string;
      orgName: string;
      userName: string;
      displayName: string;
      email: string | null;
      expiresAt: Date;
      ssoEnabled: boolean;
    }
  | { ok: false; problem: InviteLinkProblem; orgName?: string };

/**
 * What the invite page shows for a token. Read-only: mail scanners pre-fetch links, so
 * looking never uses the token up.
 */
export async function viewInvite(deps: InviteDeps, { token }: { token: string }): Promise<InviteView> {
  if (!looksLikeInviteToken(token)) return { ok: false, problem: 'unknown' };
  const invite = await deps.invites.findByTokenHash(hashInviteToken(token));
  if (!invite) return { ok: false, problem: 'unknown' };
  const org = await deps.orgs.inviteSettings(invite.orgId);
  const orgName = org?.name;
  const withOrg = (problem: InviteLinkProblem): InviteView => ({ ok: false, problem, ...(orgName ? { orgName } : {}) });
  if (invite.state === 'accepted') return withOrg('used');
  // A resend racing a send can leave an older version `sent`: only the latest link works.
  const latest = await deps.invites.latestForUser(invite.orgId, invite.userId);
  if (invite.state === 'superseded' || latest?.id !== invite.id) return withOrg('superseded');
  if (invite.state !== 'sent' || !invite.expiresAt || !org) return withOrg('unavailable');
  if (invite.expiresAt <= deps.clock.now()) return withOrg('expired');
  const user = await deps.users.findById(invite.orgId, invite.userId);
  if (!user || user.status !== 'invited') return withOrg(user?.status === 'active' ? 'used' : 'unavailable');
  const recipient = recipientOf(user);
  return {
    ok: true,
    orgId: invite.orgId,
    orgName: org.name,
    userName: user.userName,
    displayName: recipient?.name ?? user.userName,
    email: recipient?.to ?? null,
    expiresAt: invite.expiresAt,
    ssoEnabled: org.ssoEnabled,
  };
}
