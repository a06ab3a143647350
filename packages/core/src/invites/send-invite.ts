import { generateInviteToken } from './invite-token.ts';
import type { InviteSendDeps } from './invite-deps.ts';
import { PermanentDeliveryError } from './invite-ports.ts';
import { recipientOf } from './recipient-of.ts';

export type SendInviteOptions = { orgId: string; inviteId: string };

/** What the worker does with the outcome: done, retry later, or give up for good. */
export type SendInviteResult = { outcome: 'sent' | 'skipped' } | { outcome: 'failed'; reason: string };

/** A claim older than this is presumed dead (worker killed mid-send) and may be retaken. */
export const CLAIM_TIMEOUT_MS = 2 * 60_000;

/**
 * A new user's invite is stored just before the user (createWithInvite): for this long a
 * missing user may still be on its way, so the invite is left for the sweep, not failed.
 * Longer than any write still in flight (the open-intent sweep's grace has the same bound).
 */
export const USER_ARRIVAL_WINDOW_MS = 2 * 60_000;

/**
 * Mails one invite, exactly once when nothing crashes: claim (pending → sending) with a
 * fresh token, send, then mark sent. A transient failure releases the claim and rethrows
 * (the job retries); a permanent one is recorded and not retried. The mark is retried while
 * the claim holds; only a crash between the send and the mark, or a database away for longer
 * than the claim timeout, can cause a second mail, whose link then supersedes the first.
 */
export async function sendInvite(
  deps: InviteSendDeps,
  { orgId, inviteId }: SendInviteOptions,
): Promise<SendInviteResult> {
  const invite = await deps.invites.findById(orgId, inviteId);
  if (!invite || (invite.state !== 'pending' && invite.state !== 'sending')) return { outcome: 'skipped' };
  const fail = async (reason: string) => {
    await deps.invites.markFailed(orgId, inviteId, reason);
    return { outcome: 'failed' as const, reason };
  };

  const [user, org] = await Promise.all([deps.users.findById(orgId, invite.userId), deps.orgs.inviteSettings(orgId)]);
  if (!user && deps.clock.now().getTime() - invite.createdAt.getTime() < USER_ARRIVAL_WINDOW_MS)
    return { outcome: 'skipped' };
  if (!user || !org) return fail('the user no longer exists');
  if (user.status !== 'invited') return fail(`the user is ${user.status}, not waiting for an invite`);
  const recipient = recipientOf(user);
  if (!recipient) return fail('the user has no email address');

  const now = deps.clock.now();
  const { token, tokenHash } = generateInviteToken();
  const expiresAt = new Date(now.getTime() + org.inviteTtlHours * 3_600_000);
  const staleBefore = new Date(now.getTime() - (deps.claimTimeoutMs ?? CLAIM_TIMEOUT_MS));
  const claimed = await deps.invites.claim(orgId, inviteId, { tokenHash, expiresAt, now, staleBefore });
  if (!claimed) return { outcome: 'skipped' };

  try {
    const link = `${deps.publicUrl}/invite/${token}`;
    await deps.mailer.sendInvite({
      to: recipient.to,
      recipientName: recipient.name,
      orgName: org.name,
      link,
      expiresAt,
    });
  } catch (error) {
    if (error instanceof PermanentDeliveryError) return fail(error.message);
    await deps.invites.release(orgId, inviteId, tokenHash, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await recordSent(deps, { orgId, inviteId, tokenHash, claimedAt: now });
  return { outcome: 'sent' };
}

/** Stop retrying the mark this long before the claim goes stale, so no other worker can retake it meanwhile. */
const MARK_MARGIN_MS = 5_000;

/**
 * The mail went out: record it, retrying through a database outage while our claim still
 * holds. Failing at once would leave the claim to go stale, and the sweep would then mail the
 * person a second time (what the faults suite's db-down scenario found).
 */
async function recordSent(
  deps: InviteSendDeps,
  sent: { orgId: string; inviteId: string; tokenHash: string; claimedAt: Date },
) {
  const giveUpAt = sent.claimedAt.getTime() + (deps.claimTimeoutMs ?? CLAIM_TIMEOUT_MS) - MARK_MARGIN_MS;
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 2_000)) {
    try {
      return await deps.invites.markSent(sent.orgId, sent.inviteId, sent.tokenHash, deps.clock.now());
    } catch (error) {
      if (deps.clock.now().getTime() + waitMs > giveUpAt) throw error;
      await pause(waitMs);
    }
  }
}
