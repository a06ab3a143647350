import { EnvError } from '@provisio/config';
import { createDb } from '@provisio/db';
import { createProducerConnection, createWorkerConnection, DEFAULT_QUEUE_NAME } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { createWorker } from './create-worker.ts';
import { loadWorkerEnv } from './env.ts';
import { createJobMetrics } from './job-metrics.ts';
import { createProcessors } from './processors.ts';

async function main() {
  const env = loadWorkerEnv();
  const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL });
  const db = await createDb({ uri: env.MONGODB_URI });
  const queueConnection = createProducerConnection(env.REDIS_URL);
  const queue = new Queue(DEFAULT_QUEUE_NAME, { connection: queueConnection });
  const metrics = createJobMetrics(queue);
  const connection = createWorkerConnection(env.REDIS_URL);
  const processors = createProcessors({ db, env, logger, queue });
  const worker = createWorker({ queueName: DEFAULT_QUEUE_NAME, connection, processors, logger, metrics });
  const metricsPort = await metrics.listen(env.WORKER_METRICS_PORT);
  void worker.run();
  logger.info({ metricsPort, jobs: Object.keys(processors) }, 'worker running');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing running jobs');
    // close() waits for the jobs in progress, so none is abandoned to the stalled checker.
    await worker.close();
    await queue.close();
    await metrics.close();
    connection.disconnect();
    queueConnection.disconnect();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${error instanceof EnvError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
