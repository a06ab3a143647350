/** The one queue every job goes through; names are per environment so tests can isolate. */
export const DEFAULT_QUEUE_NAME = 'provisio';

/** Keep completed jobs long enough that a duplicate enqueue within a day is deduplicated. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
