import type { InviteIssueDeps } from './invite-deps.ts';
import { CLAIM_TIMEOUT_MS } from './send-invite.ts';

/**
 * Pending invites found still queued, one after another, past which a sweep stops asking: any
 * behind them is swept once the backlog ahead of it has drained.
 */
export const MAX_QUEUED_CHECKS = 20;

export type SweepInvitesOptions = {
  /** A pending invite not dispatched for this long (or a claim this old) is stuck. */
  stuckAfterMs?: number;
  /** Must match the workers' claim timeout: an older `sending` claim is dead. */
  claimTimeoutMs?: number;
  batchSize?: number;
};

/**
 * Finds invites that never reached the queue (Redis was down) or whose send died with its
 * worker, and dispatches them again under a new job id. Safe to run on many workers at
 * once: each re-dispatch is won by exactly one of them.
 */
export async function sweepInvites(
  deps: InviteIssueDeps,
  { stuckAfterMs = 60_000, claimTimeoutMs = CLAIM_TIMEOUT_MS, batchSize = 500 }: SweepInvitesOptions = {},
) {
  const now = deps.clock.now();
  const stuck = await deps.invites.findStuck(
    { pendingBefore: new Date(now.getTime() - stuckAfterMs), claimBefore: new Date(now.getTime() - claimTimeoutMs) },
    batchSize,
  );
  let dispatched = 0;
  let stillQueued = 0;
  for (const invite of stuck) {
    try {
      if (invite.state === 'pending') {
        // Behind a backlog, the queue holds the pending invites in order: once this many in a
        // row still wait, the rest wait behind them; asking after each (a Redis script per invite,
        // every sweep of every worker) loaded the Redis the request path needs while workers drained it.
        if (stillQueued >= MAX_QUEUED_CHECKS) continue;
        // A pending invite whose job still waits behind a backlog is not stuck.
        if (await deps.dispatcher.isQueued({ inviteId: invite.id, dispatch: invite.dispatch })) {
          stillQueued++;
          continue;
        }
        stillQueued = 0;
      }
      if (!(await deps.invites.bumpDispatch(invite.orgId, invite.id, invite.dispatch, now))) continue;
      await deps.dispatcher.dispatch({
        orgId: invite.orgId,
        userId: invite.userId,
        inviteId: invite.id,
        dispatch: invite.dispatch + 1,
      });
      dispatched += 1;
    } catch (error) {
      deps.onDispatchError?.(error, invite.id);
      break; // the queue is down: the next sweep tries again
    }
  }
  return { found: stuck.length, dispatched };
}
