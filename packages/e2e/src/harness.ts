import { randomBytes } from 'node:crypto';
import { createProvisioClient } from '@provisio/client';
import { startTestSmtpServer } from '@provisio/email/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { expect, vi } from 'vitest';
import { builtAppEnv, startServerProcess, startWorkerProcess } from './processes.ts';
import { ageInvites } from './testing/age-invites.ts';

export const SCIM_TOKEN = 'e2e-scim-token';
export const ADMIN_TOKEN = 'e2e-admin-token';

/**
 * What ships, for the end-to-end flows: the built server and worker (`pnpm start`) as processes
 * on a fresh database and queue, a real SMTP server capturing mail, and one org made through
 * the platform API. `app` is the server's base URL (supertest takes it as is); `scimToken` and
 * `adminToken` are that org's real keys. Time cannot be moved in another process, so
 * `ageInvites` moves a user's invites back in time in the database instead.
 */
export async function startStack(options: { rejectMail?: (to: string) => boolean } = {}) {
  const smtp = await startTestSmtpServer(options.rejectMail ? { reject: options.rejectMail } : {});
  const target = builtAppEnv('stack');
  const platformToken = randomBytes(32).toString('base64url');
  const env = { ...target.env, PUBLIC_URL: 'http://provisio.test' };
  const server = await startServerProcess({ ...env, PROVISIO_ADMIN_TOKEN: platformToken });
  const worker = await startWorkerProcess({ ...env, SMTP_URL: smtp.url, INVITE_SWEEP_INTERVAL_MS: '500' });
  const platform = createProvisioClient({ url: `${server.baseUrl}/trpc`, token: platformToken });
  const { org, scim } = await platform.platform.createOrg.mutate({ name: 'Acme Corp', plan: 'enterprise' });
  const admin = await platform.platform.createAdminKey.mutate({ orgId: org.id });
  const mongo = await MongoClient.connect(target.mongoUri);
  const redis = new Redis(target.env['REDIS_URL'] ?? '', { maxRetriesPerRequest: 1 });
  const queue = new Queue(target.queueName, { connection: redis });
  return {
    app: server.baseUrl,
    platformToken,
    orgId: org.id,
    scimToken: scim.token,
    adminToken: admin.token,
    smtp,
    /** Resolves once the worker has nothing queued, running or due for a retry: every mail it was asked for has been sent. */
    async settled() {
      const unfinished = async () =>
        Object.entries(
          await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
        ).filter(([, n]) => n > 0);
      await vi.waitFor(async () => expect(await unfinished()).toEqual([]), { timeout: 20_000, interval: 50 });
    },
    /** As if `ms` had passed since each of the user's invites was issued (and sent). */
    ageInvites: (userId: string, ms: number) => ageInvites(mongo.db(target.dbName), { userId }, ms),
    async stop() {
      await Promise.all([server.kill('SIGTERM'), worker.kill('SIGTERM')]);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
      await smtp.close();
      await mongo.close();
      await target.drop();
    },
  };
}

/** An Okta-style create body. */
export const oktaUser = (userName: string, email = userName) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Test User',
  active: true,
});
