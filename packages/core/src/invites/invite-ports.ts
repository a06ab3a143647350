import type { InviteRecord } from './invite-record.ts';

/** Storage of invites. Every state change is one conditional single-document update. */
export interface InviteRepository {
  /**
   * Inserts version n+1 as `pending`, dispatched at `now` (the caller enqueues it next), then
   * marks older live versions `superseded`. `firstForUser` (a user created a moment ago):
   * try version 1 straight away, with no read and nothing to supersede; a taken version 1
   * falls back to the general path.
   */
  insertNext(
    orgId: string,
    invite: { id: string; userId: string; now: Date; firstForUser?: boolean },
  ): Promise<InviteRecord>;
  findById(orgId: string, id: string): Promise<InviteRecord | null>;
  findByTokenHash(tokenHash: string): Promise<InviteRecord | null>;
  latestForUser(orgId: string, userId: string): Promise<InviteRecord | null>;
  /** The latest invite of each of `userIds` that has one, in one query (a page of users). */
  latestForUsers(orgId: string, userIds: readonly string[]): Promise<Map<string, InviteRecord>>;
  countCreatedSince(orgId: string, userId: string, since: Date): Promise<number>;
  /** The enqueue failed: clears the dispatch time so the next sweep enqueues it at once. */
  markUndispatched(orgId: string, id: string, now: Date): Promise<void>;
  /** pending → sending (or a `sending` claim older than `staleBefore`); null if not claimable. */
  claim(
    orgId: string,
    id: string,
    claim: { tokenHash: string; expiresAt: Date; now: Date; staleBefore: Date },
  ): Promise<InviteRecord | null>;
  /** sending → sent, only for the claim holding `tokenHash`. */
  markSent(orgId: string, id: string, tokenHash: string, now: Date): Promise<boolean>;
  /** sending → pending after a transient failure, keeping the error for admins. */
  release(orgId: string, id: string, tokenHash: string, error: string): Promise<void>;
  markFailed(orgId: string, id: string, reason: string): Promise<void>;
  /** sent and unexpired → accepted; null when the token is not (or no longer) acceptable. */
  accept(tokenHash: string, now: Date): Promise<InviteRecord | null>;
  /** Invites a sweep may need to (re)dispatch: pending and not dispatched since `pendingBefore`, or claimed before `claimBefore`. */
  findStuck(cutoffs: { pendingBefore: Date; claimBefore: Date }, limit: number): Promise<InviteRecord[]>;
  /** Bumps `dispatch` (new job id) if it is still `dispatch`; false when another sweeper won. */
  bumpDispatch(orgId: string, id: string, dispatch: number, now: Date): Promise<boolean>;
  /** Removes every invite of a deleted user. */
  deleteForUser(orgId: string, userId: string): Promise<void>;
}

/** Puts an invite on the queue. Ids only: the worker re-reads everything else. */
export interface InviteDispatcher {
  dispatch(job: { orgId: string; userId: string; inviteId: string; dispatch: number }): Promise<void>;
  /** True while the job of this dispatch is waiting or delayed (a running one may belong to a dead worker). */
  isQueued(job: { inviteId: string; dispatch: number }): Promise<boolean>;
}

/** The mail path, as the invite rules need it. */
export interface InviteMailer {
  /** @throws PermanentDeliveryError when the server refuses the address for good. */
  sendInvite(message: {
    to: string;
    recipientName: string;
    orgName: string;
    link: string;
    expiresAt: Date;
  }): Promise<void>;
}

/** The org facts invites need: its name (in the mail) and link lifetime. */
export interface InviteOrgLookup {
  inviteSettings(orgId: string): Promise<{ name: string; inviteTtlHours: number; ssoEnabled: boolean } | null>;
}

/** The mail server refused the message for good: do not retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
