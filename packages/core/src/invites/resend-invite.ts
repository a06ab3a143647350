import { AppError } from '../errors/app-error.ts';
import type { InviteDeps, InviteIssueDeps } from './invite-deps.ts';
import { issueInvite } from './issue-invite.ts';
import type { InviteRecord } from './invite-record.ts';

/** At most this many invites per user per hour, and one a minute: enough for a person, not for a loop. */
export const RESEND_LIMIT = { perHour: 5, minIntervalMs: 60_000 } as const;

export type ResendInviteOptions = { orgId: string; userId: string };

/**
 * An admin's "Resend invite": a new token and expiry; every older link stops working.
 * Only for users still waiting to accept.
 */
export async function resendInvite(
  deps: Pick<InviteDeps, 'users' | 'invites' | 'clock'> & InviteIssueDeps,
  { orgId, userId }: ResendInviteOptions,
): Promise<InviteRecord> {
  const user = await deps.users.findById(orgId, userId);
  if (!user) throw new AppError('NOT_FOUND', { message: `user ${userId} not found` });
  if (user.status !== 'invited') {
    throw new AppError('BAD_REQUEST', {
      message: `the user is ${user.status}; only invited users can be sent an invite`,
    });
  }
  const now = deps.clock.now();
  const latest = await deps.invites.latestForUser(orgId, userId);
  const sinceLatest = latest ? now.getTime() - latest.createdAt.getTime() : Infinity;
  const lastHour = await deps.invites.countCreatedSince(orgId, userId, new Date(now.getTime() - 3_600_000));
  if (sinceLatest < RESEND_LIMIT.minIntervalMs || lastHour >= RESEND_LIMIT.perHour) {
    const retryAfter = Math.ceil(
      sinceLatest < RESEND_LIMIT.minIntervalMs ? (RESEND_LIMIT.minIntervalMs - sinceLatest) / 1000 : 3600,
    );
    throw new AppError('RATE_LIMITED', {
      message: `too many invites for this user; try again in ${retryAfter} s`,
      retryAfter,
    });
  }
  return issueInvite(deps, { orgId, userId });
}
