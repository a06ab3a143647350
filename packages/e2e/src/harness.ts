import { randomBytes, randomUUID } from 'node:crypto';
import { createProvisioClient } from '@provisio/client';
import { startTestSmtpServer } from '@provisio/email/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { expect, vi } from 'vitest';
import { startServerProcess, startWorkerProcess } from './processes.ts';
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
  const dbName = `test_stack_${randomUUID().replaceAll('-', '')}`;
  const mongoUri = new URL(process.env['MONGODB_URI'] ?? '');
  mongoUri.pathname = `/${dbName}`;
  const platformToken = randomBytes(32).toString('base64url');
  const env = {
    MONGODB_URI: mongoUri.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? '',
    QUEUE_NAME: `test-stack-${randomUUID()}`,
    PUBLIC_URL: 'http://provisio.test',
    ...(process.env['FERRETDB_POSTGRES_URL'] ? { FERRETDB_POSTGRES_URL: process.env['FERRETDB_POSTGRES_URL'] } : {}),
  };
  const server = await startServerProcess({ ...env, PROVISIO_ADMIN_TOKEN: platformToken });
  const worker = await startWorkerProcess({ ...env, SMTP_URL: smtp.url, INVITE_SWEEP_INTERVAL_MS: '500' });
  const platform = createProvisioClient({ url: `${server.baseUrl}/trpc`, token: platformToken });
  const { org, scim } = await platform.platform.createOrg.mutate({ name: 'Acme Corp', plan: 'enterprise' });
  const admin = await platform.platform.createAdminKey.mutate({ orgId: org.id });
  const mongo = await MongoClient.connect(mongoUri.toString());
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = new Queue(env.QUEUE_NAME, { connection: redis });
  return {
    app: server.baseUrl,
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
    ageInvites: (userId: string, ms: number) => ageInvites(mongo.db(dbName), { userId }, ms),
    async stop() {
      await Promise.all([server.kill('SIGTERM'), worker.kill('SIGTERM')]);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
      await smtp.close();
      await mongo.db(dbName).dropDatabase();
      await mongo.close();
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
