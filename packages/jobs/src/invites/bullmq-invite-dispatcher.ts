import type { InviteDispatcher } from '@provisio/core/invites';
import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import { inviteJobId, inviteSendJob } from './invite-send-job.ts';

const QUEUED = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/** Invites go on the BullMQ queue under deterministic ids. */
export function createInviteDispatcher(queue: Queue): InviteDispatcher {
  return {
    async dispatch({ orgId, userId, inviteId, dispatch }) {
      await enqueue({ queue, definition: inviteSendJob, payload: { orgId, userId, inviteId }, jobId: inviteJobId({ inviteId, dispatch }) });
    },
    async isQueued(job) {
      return QUEUED.has(await queue.getJobState(inviteJobId(job)));
    },
  };
}
