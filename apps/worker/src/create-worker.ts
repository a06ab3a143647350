import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';
import type { createJobMetrics } from './job-metrics.ts';

export type Processor = (job: Job, logger: Logger) => Promise<unknown>;

export type CreateWorkerOptions = {
  queueName: string;
  connection: Redis;
  /** One processor per job name; a job with no processor fails without retry. */
  processors: Record<string, Processor>;
  logger: Logger;
  metrics: ReturnType<typeof createJobMetrics>;
  concurrency?: number;
};

/** A BullMQ worker that routes by job name, logs with job ids, and counts outcomes. */
export function createWorker({
  queueName,
  connection,
  processors,
  logger,
  metrics,
  concurrency = 8,
}: CreateWorkerOptions) {
  const worker = new Worker(
    queueName,
    async (job) => {
      const processor = processors[job.name];
      if (!processor) throw new UnrecoverableError(`no processor for job '${job.name}'`);
      return processor(job, logger.child({ jobId: job.id, jobName: job.name }));
    },
    { connection, concurrency, autorun: false },
  );
  worker.on('completed', (job) => metrics.processed.inc({ name: job.name }));
  worker.on('failed', (job, error) => {
    metrics.failed.inc({ name: job?.name ?? 'unknown' });
    logger.warn(
      { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, err: error },
      'job attempt failed',
    );
  });
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  return worker;
}
