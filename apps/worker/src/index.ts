import { onShutdownSignals, runMain } from '@provisio/config';
import { deriveListCursorKey, systemClock } from '@provisio/core';
import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import { createDb } from '@provisio/db';
import { createSmtpMailer } from '@provisio/email';
import { DEFAULT_QUEUE_NAME } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { loadWorkerEnv } from './env.ts';
import { startWorkerApp } from './worker-app.ts';

async function main() {
  const env = loadWorkerEnv();
  const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL });
  const db = await createDb({
    uri: env.MONGODB_URI,
    ferretdbPostgresUrl: env.FERRETDB_POSTGRES_URL,
    onWarning: (message, err) => logger.warn({ err }, message),
    onDeferredEvent: (err, event) =>
      logger.warn(
        { err, type: event.type, userId: event.userId, groupId: 'groupId' in event ? event.groupId : undefined },
        'event deferred to the intent sweep',
      ),
  });
  await db.syncIndexes();
  const app = await startWorkerApp({
    db,
    redisUrl: env.REDIS_URL,
    queueName: env.QUEUE_NAME ?? DEFAULT_QUEUE_NAME,
    logger,
    mailer: createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }),
    clock: systemClock,
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    sweepIntervalMs: env.INVITE_SWEEP_INTERVAL_MS,
    stuckAfterMs: env.INVITE_STUCK_AFTER_MS,
    claimTimeoutMs: env.INVITE_CLAIM_TIMEOUT_MS,
    openIntents: { intervalMs: env.OPEN_INTENT_SWEEP_INTERVAL_MS, graceMs: env.OPEN_INTENT_GRACE_MS },
    metricsPort: env.WORKER_METRICS_PORT,
    metricsHost: env.WORKER_METRICS_HOST,
    concurrency: env.WORKER_CONCURRENCY,
    ...(env.PROVISIO_ADMIN_TOKEN
      ? {
          webhooks: {
            secretKey: deriveWebhookSecretKey(deriveListCursorKey(env.PROVISIO_ADMIN_TOKEN)),
            allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
          },
        }
      : {}),
  });
  if (!env.PROVISIO_ADMIN_TOKEN) logger.warn('PROVISIO_ADMIN_TOKEN is not set: webhook deliveries are off');

  onShutdownSignals(logger, {
    draining: 'finishing running jobs',
    stop: async () => {
      await app.stop();
      await db.close();
    },
  });
}

runMain('worker', main);
