import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@provisio/core';
import { createDb } from '@provisio/db';
import { createLogger } from '@provisio/logger';
import { createCredentialCache } from '@provisio/server/credential-cache';
import { Redis } from 'ioredis';
import { inviteLinksIn, startTestSmtpServer } from '@provisio/email/testing';
import { MongoClient } from 'mongodb';
import { newTestKeyPair } from '@provisio/saml/testing';
import { builtAppEnv, freePort, startOwnRedis, startServerProcess, startWorkerProcess } from '../processes.ts';
import { ageInvites } from '../testing/age-invites.ts';

export const PLATFORM_TOKEN = 'browser-test-platform-token-0123456789';

/**
 * The whole product on a real port for a browser, as it ships: the built server (serving
 * the built web app) and the built worker as processes, a capturing SMTP server, and a
 * Redis of the stack's own, so the per-address sign-in and credential limits of other test
 * files never count here. `db` is the test's own handle on the same database, for seeding
 * and for checking storage. `baseUrl` is `http://localhost:<port>`. `ssoReturnUrls`
 * allow-lists the code hand-off's product pages (`SSO_RETURN_URLS`). The server signs its
 * AuthnRequests with a fresh SP key pair (`spCertDer` for the IdP), as a deployment with
 * `SSO_SP_KEY_FILE` does.
 */
export async function startBrowserStack(options: { ssoReturnUrls?: string[] } = {}) {
  const smtp = await startTestSmtpServer();
  const redis = await startOwnRedis();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const spKey = newTestKeyPair();
  const keyDir = mkdtempSync(join(tmpdir(), 'provisio-sp-key-'));
  writeFileSync(join(keyDir, 'sp.key'), spKey.privateKey);
  writeFileSync(join(keyDir, 'sp.crt'), spKey.certPem);
  const target = builtAppEnv('browser');
  const env = {
    ...target.env,
    REDIS_URL: redis.url,
    PUBLIC_URL: baseUrl,
    // The worker seals and unseals webhook secrets with a key derived from the platform token.
    PROVISIO_ADMIN_TOKEN: PLATFORM_TOKEN,
    // Test webhook receivers listen on loopback.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    SSO_RETURN_URLS: (options.ssoReturnUrls ?? []).join(','),
    SSO_SP_KEY_FILE: join(keyDir, 'sp.key'),
    SSO_SP_CERT_FILE: join(keyDir, 'sp.crt'),
  };
  const server = await startServerProcess({ ...env, PORT: String(port) });
  const worker = await startWorkerProcess({ ...env, SMTP_URL: smtp.url, INVITE_SWEEP_INTERVAL_MS: '500' });
  // The server caches keys and orgs for 1 s; the test's own writes of them publish the change
  // as the server's do, so the next request sees them (a direct write would not be seen at once).
  const publisher = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const credentials = createCredentialCache({
    redis: publisher,
    logger: createLogger({ name: 'browser-stack', level: 'silent' }),
  });
  const db = credentials.wrap(await createDb({ uri: target.mongoUri, dbName: target.dbName }));
  const mongo = await MongoClient.connect(target.mongoUri);

  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));
  /** Waits for the `count`-th mail to `to` and returns every invite link sent to it. */
  async function inviteLinks(to: string, count = 1): Promise<string[]> {
    await smtp.until(() => mailsTo(to).length >= count);
    return mailsTo(to).flatMap((m) => inviteLinksIn(m.raw));
  }

  return {
    baseUrl,
    /** The time the processes read: the system's (a process's clock cannot be moved from here). */
    clock: systemClock,
    db,
    /** The SP signing certificate (base64 DER), for the IdP's "client signature required". */
    spCertDer: spKey.der,
    smtp,
    mailsTo,
    inviteLinks,
    /** As if `ms` had passed since the org's invites were issued (see `ageInvites`). */
    ageInvites: (orgId: string, ms: number) => ageInvites(mongo.db(target.dbName), { orgId }, ms),
    async stop() {
      await Promise.all([server.kill('SIGTERM'), worker.kill('SIGTERM')]);
      await smtp.close();
      credentials.close();
      publisher.disconnect();
      await redis.stop();
      await db.close();
      await mongo.close();
      await target.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;
