import { onShutdownSignals, runMain } from '@provisio/config';
import { deriveListCursorKey, hashPlatformToken, systemClock } from '@provisio/core';
import { createDb } from '@provisio/db';
import { createProducerConnection, DEFAULT_QUEUE_NAME } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { createServer } from './create-server.ts';
import { loadServerEnv } from './env.ts';
import { createCredentialCache } from './auth/credential-cache.ts';
import { createKeyResolver } from './auth/key-resolver.ts';

async function main() {
  const env = loadServerEnv();
  const logger = createLogger({ name: 'server', level: env.LOG_LEVEL });
  const rawDb = await createDb({
    uri: env.MONGODB_URI,
    ferretdbPostgresUrl: env.FERRETDB_POSTGRES_URL,
    onWarning: (message, err) => logger.warn({ err }, message),
    onDeferredEvent: (err, event) =>
      logger.warn(
        { err, type: event.type, userId: event.userId, groupId: 'groupId' in event ? event.groupId : undefined },
        'event deferred to the intent sweep',
      ),
  });
  await rawDb.syncIndexes();
  const redis = createProducerConnection(env.REDIS_URL);
  // Keys and orgs read per request come from a 1 s cache that every replica drops on a revocation.
  const credentials = createCredentialCache({ redis, logger });
  const db = credentials.wrap(rawDb);
  const queue = new Queue(env.QUEUE_NAME ?? DEFAULT_QUEUE_NAME, { connection: redis });
  const server = createServer({
    db,
    redis,
    queue,
    logger,
    clock: systemClock,
    publicUrl: env.PUBLIC_URL,
    platformTokenHash: hashPlatformToken(env.PROVISIO_ADMIN_TOKEN),
    listCursorKey: deriveListCursorKey(env.PROVISIO_ADMIN_TOKEN),
    trustProxy: env.TRUST_PROXY,
    scimMaxInFlight: env.SCIM_MAX_IN_FLIGHT,
    allowPrivateWebhookTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    ssoReturnUrls: env.SSO_RETURN_URLS,
    ...(env.spSigning ? { spSigning: env.spSigning } : {}),
    requestMaxWaitMs: env.REQUEST_MAX_WAIT_MS,
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
    resolvePrincipal: createKeyResolver({
      keys: db.keys,
      clock: systemClock,
      logger,
      adminToken: env.PROVISIO_ADMIN_TOKEN,
    }),
    resolvesWithoutRead: (token) => credentials.holdsKeyOf(token),
  });
  const port = await server.start(env.PORT, '0.0.0.0');
  const metricsPort = await server.metrics.listen(env.METRICS_PORT, env.METRICS_HOST);
  logger.info({ port, publicUrl: env.PUBLIC_URL, metrics: `${env.METRICS_HOST}:${metricsPort}` }, 'server listening');

  onShutdownSignals(logger, {
    draining: 'draining requests',
    stop: async () => {
      await server.stop();
      await server.metrics.close();
      await queue.close();
      credentials.close();
      redis.disconnect();
      await db.close();
    },
  });
}

runMain('server', main);
