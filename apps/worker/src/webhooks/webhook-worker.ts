import { hostname } from 'node:os';
import type { Clock } from '@provisio/core';
import { USER_EVENT_RETENTION_DAYS } from '@provisio/core/events';
import { DEFAULT_RETRY_SCHEDULE, deliverEndpoint, sendOne } from '@provisio/core/webhooks';
import type { RetrySchedule } from '@provisio/core/webhooks';
import type { Db } from '@provisio/db';
import type { Mailer } from '@provisio/email';
import {
  enqueue,
  webhookDeliverJob,
  webhookDeliverJobId,
  webhookDisabledAlertJob,
  webhookDisabledAlertJobId,
  webhookSendJob,
} from '@provisio/jobs';
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from '../create-worker.ts';
import type { PeriodicTask } from '../periodic.ts';
import { createWebhookDisabledAlertProcessor } from './disabled-alert-processor.ts';
import { createWebhookSender } from './send-webhook.ts';

export type WebhookWorkerOptions = {
  /** deriveWebhookSecretKey(deriveListCursorKey(PROVISIO_ADMIN_TOKEN)): the key the server sealed the secrets with. */
  secretKey: Buffer;
  allowPrivateTargets: boolean;
  /** How often due endpoints get a delivery run (default 1 s). */
  tickMs?: number;
  schedule?: RetrySchedule;
  timeoutMs?: number;
  maxResponseBytes?: number;
};

type Deps = { db: Db; clock: Clock; mailer: Mailer; publicUrl: string; queue: Queue };

/** The webhook processors (delivery runs, single sends, the disabled alert), the tick that starts runs, the log's pruning. */
export function webhookWorker(deps: Deps, options: WebhookWorkerOptions) {
  const { db, clock, queue } = deps;
  const sender = createWebhookSender({
    allowPrivateTargets: options.allowPrivateTargets,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
  });
  const base = { webhooks: db.webhooks, clock, sender, secretKey: options.secretKey };
  const deliverDeps = {
    ...base,
    events: db.userEvents,
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
      const result = await deliverEndpoint(deliverDeps, { orgId: parsed.data.orgId, id: parsed.data.endpointId });
      if (result.outcome !== 'idle') logger.info({ ...parsed.data, ...result }, 'webhook delivery run');
      return result;
    },
    [webhookSendJob.name]: async (job) => {
      const parsed = webhookSendJob.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid webhook.send payload');
      return sendOne(base, parsed.data);
    },
    [webhookDisabledAlertJob.name]: createWebhookDisabledAlertProcessor(deps),
  };
  const tick: PeriodicTask = {
    name: 'webhook tick',
    intervalMs: options.tickMs ?? 1_000,
    run: async () => {
      const due = await db.webhooks.due(clock.now(), 500);
      for (const { orgId, id } of due)
        await enqueue({
          queue,
          definition: webhookDeliverJob,
          payload: { orgId, endpointId: id },
          jobId: webhookDeliverJobId(id),
        });
      return undefined;
    },
  };
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
  return { processors, tasks: [tick, prune] };
}
