import { EnvError } from '@provisio/config';
import { systemClock } from '@provisio/core';
import { createDb } from '@provisio/db';
import { createProducerConnection, DEFAULT_QUEUE_NAME } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { createServer } from './create-server.ts';
import { loadServerEnv } from './env.ts';
import { createKeyResolver } from './auth/key-resolver.ts';

async function main() {
  const env = loadServerEnv();
  const logger = createLogger({ name: 'server', level: env.LOG_LEVEL });
  const db = await createDb({ uri: env.MONGODB_URI });
  await db.syncIndexes();
  const redis = createProducerConnection(env.REDIS_URL);
  const queue = new Queue(env.QUEUE_NAME ?? DEFAULT_QUEUE_NAME, { connection: redis });
  const server = createServer({
    db,
    redis,
    queue,
    logger,
    clock: systemClock,
    publicUrl: env.PUBLIC_URL,
    resolvePrincipal: createKeyResolver({ keys: db.keys, clock: systemClock, logger, adminToken: env.PROVISIO_ADMIN_TOKEN }),
  });
  const port = await server.start(env.PORT, '0.0.0.0');
  logger.info({ port, publicUrl: env.PUBLIC_URL }, 'server listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    await server.stop();
    await queue.close();
    redis.disconnect();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`server: ${error instanceof EnvError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
