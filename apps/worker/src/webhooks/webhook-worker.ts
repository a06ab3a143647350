import { hostname } from 'node:os';
import type { Clock } from '@provisio/core';
import { USER_EVENT_RETENTION_DAYS } from '@provisio/core/events';
import { DEFAULT_RETRY_SCHEDULE, deliverEndpoint, sendOne } from '@provisio/core/webhooks';
import type { RetrySchedule } from '@provisio/core/webhooks';
import type { Db } from '@provisio/db';
import type { Mailer } from '@provisio/email';
import {
  createWebhookRunQueue,
  enqueue,
  webhookDeliverJob,
  webhookDisabledAlertJob,
  webhookDisabledAlertJobId,
  webhookSendJob,
  webhookWakeJob,
} from '@provisio/jobs';
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from '../create-worker.ts';
import type { PeriodicTask } from '../periodic.ts';
import { createWakeProcessor, followUp, sweepTask } from './delivery-scheduling.ts';
import { createWebhookDisabledAlertProcessor } from './disabled-alert-processor.ts';
import { createWebhookSender } from './send-webhook.ts';

export type WebhookWorkerOptions = {
  /** deriveWebhookSecretKey(deriveListCursorKey(PROVISIO_ADMIN_TOKEN)): the key the server sealed the secrets with. */
  secretKey: Buffer;
  allowPrivateTargets: boolean;
  /** How often the sweep that makes up for lost wakes reads a page of endpoints (default 30 s). */
  sweepIntervalMs?: number;
  /** Endpoints per sweep page (default 200). */
  sweepPageSize?: number;
  schedule?: RetrySchedule;
  timeoutMs?: number;
  maxResponseBytes?: number;
};

type Deps = { db: Db; clock: Clock; mailer: Mailer; publicUrl: string; queue: Queue };

/**
 * The webhook processors (wakes, delivery runs, single sends, the disabled alert), the sweep that
 * makes up for lost wakes, the log's pruning. Runs start from events (a wake), never from a clock:
 * an idle endpoint costs nothing but its place in the slow sweep.
 */
export function webhookWorker(deps: Deps, options: WebhookWorkerOptions) {
  const { db, clock, queue } = deps;
  const queueRun = createWebhookRunQueue(queue);
  const sender = createWebhookSender({
    allowPrivateTargets: options.allowPrivateTargets,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
  });
  const base = { webhooks: db.webhooks, clock, sender, secretKey: options.secretKey };
  const deliverDeps = {
    ...base,
    events: db.webhookEvents,
    schedule: options.schedule ?? DEFAULT_RETRY_SCHEDULE,
    owner: `${hostname()}-${process.pid}`,
    async disabled({ orgId, id }: { orgId: string; id: string }) {
      const disabledAt = clock.now().toISOString();
      await enqueue({
        queue,
        definition: webhookDisabledAlertJob,
        payload: { orgId, endpointId: id, disabledAt },
        jobId: webhookDisabledAlertJobId(id, disabledAt),
      });
    },
  };
  const processors: Record<string, Processor> = {
    [webhookDeliverJob.name]: async (job, logger) => {
      const parsed = webhookDeliverJob.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid webhook.deliver payload');
      const ref = { orgId: parsed.data.orgId, id: parsed.data.endpointId };
      const result = await deliverEndpoint(deliverDeps, ref);
      if (result.outcome !== 'idle') logger.info({ ...parsed.data, ...result }, 'webhook delivery run');
      await followUp({ clock, queueRun }, ref, result);
      return result;
    },
    [webhookWakeJob.name]: createWakeProcessor({ db, clock, queueRun }),
    [webhookSendJob.name]: async (job) => {
      const parsed = webhookSendJob.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid webhook.send payload');
      return sendOne(base, parsed.data);
    },
    [webhookDisabledAlertJob.name]: createWebhookDisabledAlertProcessor(deps),
  };
  const sweep = sweepTask(
    { db, clock, queueRun },
    { intervalMs: options.sweepIntervalMs ?? 30_000, pageSize: options.sweepPageSize ?? 200 },
  );
  // The log is kept as long as the events it came from (USER_EVENT_RETENTION_DAYS).
  const prune: PeriodicTask = {
    name: 'webhook log prune',
    intervalMs: 3_600_000,
    run: async () => {
      const before = new Date(clock.now().getTime() - USER_EVENT_RETENTION_DAYS * 24 * 3_600_000);
      const deleted = await db.webhooks.pruneDeliveries(before, 10_000);
      return deleted ? { deleted } : undefined;
    },
  };
  return { processors, tasks: [sweep, prune] };
}
