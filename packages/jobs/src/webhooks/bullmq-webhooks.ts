import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import { webhookSendJob, webhookSendJobId } from './webhook-jobs.ts';

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
