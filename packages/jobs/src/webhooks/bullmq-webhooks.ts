import { USER_EVENT_TIMING } from '@provisio/core/events';
import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import {
  webhookDeliverJob,
  webhookDeliverJobId,
  webhookSendJob,
  webhookSendJobId,
  webhookWakeJob,
  webhookWakeJobId,
} from './webhook-jobs.ts';

/** Hands a pending redelivery or ping to the worker (core `QueueOneDeps.enqueue`). */
export const createWebhookSendQueue =
  (queue: Queue) =>
  async ({ orgId, deliveryId }: { orgId: string; deliveryId: string }): Promise<void> => {
    await enqueue({
      queue,
      definition: webhookSendJob,
      payload: { orgId, deliveryId },
      jobId: webhookSendJobId(deliveryId),
    });
  };

/** Queues a delivery run of one endpoint, once per `reason` (core `WebhookRunQueue`). */
export const createWebhookRunQueue =
  (queue: Queue) =>
  async (ref: { orgId: string; id: string }, reason: string, delayMs = 0): Promise<void> => {
    await enqueue({
      queue,
      definition: webhookDeliverJob,
      payload: { orgId: ref.orgId, endpointId: ref.id },
      jobId: webhookDeliverJobId(ref.id, reason),
      delay: delayMs,
    });
  };

/**
 * Called after every stored user event: wakes the org's endpoints once per org and second (one
 * Redis write per org and second in this process, never awaited by the request), when every
 * event stored in that second has settled. A wake lost to a crash is made up by the worker's sweep.
 */
export function createWebhookWaker(queue: Queue, onError: (err: unknown, orgId: string) => void) {
  const woken = new Map<string, number>();
  return (orgId: string): void => {
    const now = Date.now();
    const second = Math.floor(now / 1_000);
    if (woken.get(orgId) === second) return;
    if (woken.size >= 10_000) woken.clear();
    woken.set(orgId, second);
    // Ids are taken before the write, so every event stored this second has an id below its end.
    const delay = (second + 1) * 1_000 + USER_EVENT_TIMING.settleMs + 250 - now;
    enqueue({
      queue,
      definition: webhookWakeJob,
      payload: { orgId, second },
      jobId: webhookWakeJobId(orgId, second),
      delay,
    }).catch((err: unknown) => onError(err, orgId));
  };
}
