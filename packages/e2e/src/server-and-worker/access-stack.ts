import { startTestSmtpServer } from '@provisio/email/testing';
import type { Logger } from '@provisio/logger';
import { createAccessTestApp } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { expect, vi } from 'vitest';
import { startTestWorker } from '../testing/test-worker.ts';

/**
 * The access-test server with the real worker on its queue and a test SMTP server: the stack of
 * the server-and-worker tests (key revocation, alerts, logs).
 */
export async function startAccessStack(
  options: { captureLogs?: boolean; workerLogger?: (app: AccessTestApp) => Logger } = {},
) {
  const app = await createAccessTestApp(options.captureLogs ? { captureLogs: true } : {});
  const smtp = await startTestSmtpServer();
  const worker = await startTestWorker({
    db: app.deps.db,
    queueName: app.deps.queue.name,
    publicUrl: app.deps.publicUrl,
    smtpUrl: smtp.url,
    ...(options.workerLogger ? { logger: options.workerLogger(app) } : {}),
  });
  return {
    app,
    smtp,
    /** The queue holds nothing waiting, running or due: the positive signal behind a "no second mail" check. */
    async settled() {
      const unfinished = async () =>
        Object.entries(
          await app.deps.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
        ).filter(([, n]) => n > 0);
      await vi.waitFor(async () => expect(await unfinished()).toEqual([]), { timeout: 20_000, interval: 50 });
    },
    async stop() {
      await worker.stop();
      await smtp.close();
      await app.cleanup();
    },
  };
}
