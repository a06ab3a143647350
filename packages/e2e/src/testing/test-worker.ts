import { systemClock } from '@provisio/core';
import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import { createSmtpMailer } from '@provisio/email';
import { createLogger } from '@provisio/logger';
import type { Logger } from '@provisio/logger';
import { startWorkerApp } from '@provisio/worker/worker-app';
import type { WorkerAppOptions } from '@provisio/worker/worker-app';

export type TestWorkerOptions = {
  db: Db;
  queueName: string;
  publicUrl: string;
  /** The test's own SMTP server (`startTestSmtpServer`): mail goes to a real server, never mocked. */
  smtpUrl: string;
  clock?: Clock;
  logger?: Logger;
  from?: string;
  /** The invite sweep's period; tests that wait for a sweep set it short. */
  sweepIntervalMs?: number;
  /** Webhook deliveries (off unless given). */
  webhooks?: WorkerAppOptions['webhooks'];
};

/** The real worker (invites, alerts, maintenance) on a test's queue: one wiring for every e2e test and bench. */
export function startTestWorker(options: TestWorkerOptions) {
  return startWorkerApp({
    db: options.db,
    redisUrl: process.env['REDIS_URL'] ?? '',
    queueName: options.queueName,
    logger: options.logger ?? createLogger({ name: 'test-worker', level: 'silent' }),
    mailer: createSmtpMailer({ url: options.smtpUrl, from: options.from ?? 'Provisio <no-reply@provisio.test>' }),
    clock: options.clock ?? systemClock,
    publicUrl: options.publicUrl,
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    metricsPort: null,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
}
