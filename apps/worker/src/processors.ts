import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { Queue } from 'bullmq';
import type { Processor } from './create-worker.ts';
import type { loadWorkerEnv } from './env.ts';

export type ProcessorDeps = {
  db: Db;
  env: ReturnType<typeof loadWorkerEnv>;
  logger: Logger;
  queue: Queue;
};

/** Every job the worker runs, by name. The invite and mail processors register here. */
export function createProcessors(_deps: ProcessorDeps): Record<string, Processor> {
  return {};
}
