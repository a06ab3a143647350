import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import type { Mailer } from '@provisio/email';
import { createInviteDispatcher, createProducerConnection, createWorkerConnection } from '@provisio/jobs';
import type { Logger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { createWorker } from './create-worker.ts';
import { maintenanceTasks } from './maintenance.ts';
import type { OpenIntentSweep } from './maintenance.ts';
import { startPeriodic } from './periodic.ts';
import { createJobMetrics } from './job-metrics.ts';
import { createProcessors } from './processors.ts';
import type { Processor } from './create-worker.ts';
import { webhookWorker } from './webhooks/webhook-worker.ts';
import type { WebhookWorkerOptions } from './webhooks/webhook-worker.ts';

export type WorkerAppOptions = {
  db: Db;
  redisUrl: string;
  queueName: string;
  logger: Logger;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  sweepIntervalMs: number;
  /** When a pending invite counts as stuck, and when a send claim counts as dead. */
  stuckAfterMs?: number;
  claimTimeoutMs?: number;
  /** The open user and group event sweeps' timing (default every minute, writes older than 2 minutes). */
  openIntents?: OpenIntentSweep;
  /** Port of `/metrics`; 0 picks one, null serves none. */
  metricsPort: number | null;
  /** Address `/metrics` listens on (default loopback). */
  metricsHost?: string;
  concurrency?: number;
  /** Extra processors (later issues register theirs here). */
  extraProcessors?: Record<string, Processor>;
  /** Webhook deliveries; absent (no platform secret to open signing secrets with): none run. */
  webhooks?: WebhookWorkerOptions;
};

/** The worker process minus `process`: queue, processors, sweeper, metrics; `stop` finishes running jobs first. */
export async function startWorkerApp(options: WorkerAppOptions) {
  const { db, logger, clock } = options;
  const queueConnection = createProducerConnection(options.redisUrl);
  const queue = new Queue(options.queueName, { connection: queueConnection });
  const metrics = createJobMetrics(queue);
  const connection = createWorkerConnection(options.redisUrl);
  const webhooks = options.webhooks
    ? webhookWorker({ db, clock, mailer: options.mailer, publicUrl: options.publicUrl, queue }, options.webhooks)
    : null;
  const processors = {
    ...createProcessors({
      db,
      mailer: options.mailer,
      clock,
      publicUrl: options.publicUrl,
      ...(options.claimTimeoutMs ? { claimTimeoutMs: options.claimTimeoutMs } : {}),
    }),
    ...webhooks?.processors,
    ...options.extraProcessors,
  };
  const worker = createWorker({
    queueName: options.queueName,
    connection,
    processors,
    logger,
    metrics,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const metricsPort =
    options.metricsPort === null ? null : await metrics.listen(options.metricsPort, options.metricsHost);
  void worker.run();
  const maintenance = startPeriodic(
    [
      ...maintenanceTasks({
        db,
        clock,
        logger,
        dispatcher: createInviteDispatcher(queue),
        inviteSweepIntervalMs: options.sweepIntervalMs,
        ...(options.stuckAfterMs ? { stuckAfterMs: options.stuckAfterMs } : {}),
        ...(options.claimTimeoutMs ? { claimTimeoutMs: options.claimTimeoutMs } : {}),
        ...(options.openIntents ? { openIntents: options.openIntents } : {}),
      }),
      ...(webhooks?.tasks ?? []),
    ],
    logger,
  );
  logger.info({ metricsPort, jobs: Object.keys(processors) }, 'worker running');

  return {
    metricsPort,
    queue,
    async stop() {
      await maintenance.stop();
      // close() waits for the jobs in progress, so none is abandoned to the stalled checker.
      await worker.close();
      await queue.close();
      await metrics.close();
      connection.disconnect();
      queueConnection.disconnect();
      options.mailer.close();
    },
  };
}
