import { hashPlatformToken } from '@provisio/core';
import { authenticateKey } from '@provisio/core/keys';
import { inviteLinksIn, startTestSmtpServer } from '@provisio/email/testing';
import { createServer } from '@provisio/server/create-server';
import { createTestDeps } from '@provisio/server/testing';
import { startTestWorker } from '../testing/test-worker.ts';
import { movableClock } from '../harness.ts';
import { freePort } from '../processes.ts';

export const PLATFORM_TOKEN = 'browser-test-platform-token-0123456789';

/**
 * The whole product on a real port for a browser: server (serving the built web app),
 * an in-process worker and a capturing SMTP server, with the production key rules
 * (platform token, hashed `pvk_` keys). `baseUrl` is `http://localhost:<port>`.
 * `ssoReturnUrls` allow-lists the code hand-off's product pages (`SSO_RETURN_URLS`).
 */
export async function startBrowserStack(options: { ssoReturnUrls?: string[] } = {}) {
  const clock = movableClock();
  const smtp = await startTestSmtpServer();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const ref: { keys?: Parameters<typeof authenticateKey>[0]['keys'] } = {};
  const env = await createTestDeps({
    clock,
    resolvePrincipal: (token) =>
      token === PLATFORM_TOKEN
        ? { kind: 'platform' }
        : ref.keys
          ? authenticateKey({ keys: ref.keys, clock }, token)
          : null,
  });
  ref.keys = env.deps.db.keys;
  const deps = { ...env.deps, publicUrl: baseUrl, platformTokenHash: hashPlatformToken(PLATFORM_TOKEN) };
  const server = createServer({
    ...deps,
    rateLimit: { perSecond: 10_000, burst: 10_000, burstWindowSeconds: 1 },
    ssoReturnUrls: options.ssoReturnUrls ?? [],
    web: { signInLimits: { perAddress: 1_000, failuresBeforeBackoff: 1_000, backoffBaseSeconds: 1 } },
  });
  await server.start(port, '127.0.0.1');
  const worker = await startTestWorker({
    db: deps.db,
    queueName: deps.queue.name,
    publicUrl: baseUrl,
    smtpUrl: smtp.url,
    clock,
    sweepIntervalMs: 500,
  });

  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));
  /** Waits for the `count`-th mail to `to` and returns every invite link sent to it. */
  async function inviteLinks(to: string, count = 1): Promise<string[]> {
    await smtp.until(() => mailsTo(to).length >= count);
    return mailsTo(to).flatMap((m) => inviteLinksIn(m.raw));
  }

  return {
    baseUrl,
    clock,
    db: deps.db,
    smtp,
    mailsTo,
    inviteLinks,
    async stop() {
      await worker.stop();
      await server.stop(1_000);
      await smtp.close();
      await env.cleanup();
    },
  };
}

export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;
