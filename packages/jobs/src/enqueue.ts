import type { Queue } from 'bullmq';
import { AppError } from '@provisio/core';
import type { JobDefinition, JobPayload } from './job-definition.ts';

export type EnqueueOptions<D extends JobDefinition> = {
  queue: Queue;
  definition: D;
  payload: JobPayload<D>;
  /** Deterministic id, so enqueuing the same thing twice is one job (no `:`, not all digits). */
  jobId: string;
  /** Milliseconds before the job may run (a backoff, a settle window). */
  delay?: number;
};

/** Validates the payload, then adds the job. Redis failures become `UNAVAILABLE`. */
export async function enqueue<D extends JobDefinition>({
  queue,
  definition,
  payload,
  jobId,
  delay,
}: EnqueueOptions<D>) {
  const data = definition.schema.parse(payload);
  if (jobId.includes(':') || /^\d+$/.test(jobId)) throw new Error(`invalid job id ${jobId}`);
  try {
    return await queue.add(definition.name, data, {
      ...definition.opts,
      jobId,
      ...(delay ? { delay: Math.max(0, Math.ceil(delay)) } : {}),
    });
  } catch (cause) {
    throw new AppError('UNAVAILABLE', { message: 'the job queue is unavailable', retryAfter: 5, cause });
  }
}
