import { AppError } from '@provisio/core';
import type { InviteDispatcher } from '@provisio/core/invites';
import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import { inviteJobId, inviteSendJob } from './invite-send-job.ts';

/**
 * Not `active`: a job that has been running for the sweep's whole stuck window without even
 * claiming its invite belongs to a dead worker (BullMQ would only notice after its lock
 * expires and a stalled check runs, up to a minute later). Re-dispatching it is safe: the
 * claim lets one send through.
 */
const QUEUED = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/** BullMQ waits for a reconnecting Redis; a request must not, so each call gets a deadline. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('UNAVAILABLE', { message: `the job queue did not answer in ${ms} ms`, retryAfter: 5 })),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Invites go on the BullMQ queue under deterministic ids. */
export function createInviteDispatcher(
  queue: Queue,
  { timeoutMs = 2_000 }: { timeoutMs?: number } = {},
): InviteDispatcher {
  return {
    async dispatch({ orgId, userId, inviteId, dispatch }) {
      const job = enqueue({
        queue,
        definition: inviteSendJob,
        payload: { orgId, userId, inviteId },
        jobId: inviteJobId({ inviteId, dispatch }),
      });
      job.catch(() => undefined); // a late rejection after the deadline is expected, not unhandled
      await withDeadline(job, timeoutMs);
    },
    async isQueued(job) {
      return QUEUED.has(await withDeadline(queue.getJobState(inviteJobId(job)), timeoutMs));
    },
  };
}
