import { z } from 'zod';

/**
 * Stored lifecycle of one invite version. `sending` is the claim a worker takes before it
 * mails (so a retry never sends twice); `superseded` is an older version after a resend.
 */
export const INVITE_STATES = ['pending', 'sending', 'sent', 'accepted', 'failed', 'superseded'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export type InviteRecord = {
  id: string;
  orgId: string;
  userId: string;
  /** 1 for the first invite of a user, +1 for each resend. */
  version: number;
  state: InviteState;
  /** sha256 of the token that was mailed; the token itself is never stored. */
  tokenHash: string | null;
  expiresAt: Date | null;
  /** Bumped each time the sweeper re-enqueues, so the job id changes with it. */
  dispatch: number;
  /** How many send claims were taken; the next claim is `claims + 1`. */
  claims: number;
  dispatchedAt: Date | null;
  claimedAt: Date | null;
  sentAt: Date | null;
  acceptedAt: Date | null;
  failedReason: string | null;
  /** The last transient failure, kept for admins while retries continue. */
  lastError: string | null;
  createdAt: Date;
};

/** What admins and tools see: `expired` is derived from `sent` + `expiresAt`. */
export const INVITE_VIEW_STATES = ['pending', 'sent', 'accepted', 'expired', 'failed'] as const;

export const InviteStatusSchema = z.object({
  inviteId: z.string(),
  version: z.number().int(),
  state: z.enum(INVITE_VIEW_STATES),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  failedReason: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type InviteStatus = z.infer<typeof InviteStatusSchema>;

export function toInviteStatus(invite: InviteRecord, now: Date): InviteStatus {
  const expired = invite.state === 'sent' && invite.expiresAt !== null && invite.expiresAt <= now;
  const state =
    invite.state === 'sending' || invite.state === 'superseded' ? 'pending' : expired ? 'expired' : invite.state;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    inviteId: invite.id,
    version: invite.version,
    state,
    createdAt: invite.createdAt.toISOString(),
    sentAt: iso(invite.sentAt),
    expiresAt: iso(invite.expiresAt),
    acceptedAt: iso(invite.acceptedAt),
    failedReason: invite.failedReason,
    lastError: invite.lastError,
  };
}
