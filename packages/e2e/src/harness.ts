import { systemClock } from '@provisio/core';
import type { Clock } from '@provisio/core';
import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createServer } from '@provisio/server/create-server';
import { createTestDeps } from '@provisio/server/testing';
import { startTestWorker } from './testing/test-worker.ts';
import { expect, vi } from 'vitest';

/** A clock tests can move forward; server and worker share it. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(systemClock.now().getTime() + offset), advance: (ms) => void (offset += ms) };
}

export const SCIM_TOKEN = 'e2e-scim-token';
export const ADMIN_TOKEN = 'e2e-admin-token';

/**
 * The server app and an in-process worker over the test FerretDB and Redis, with a real
 * SMTP server capturing mail. One org, reachable with `SCIM_TOKEN` (scim) and `ADMIN_TOKEN` (admin).
 */
export async function startStack(options: { clock?: Clock; rejectMail?: (to: string) => boolean } = {}) {
  const clock = options.clock ?? systemClock;
  const smtp = await startTestSmtpServer(options.rejectMail ? { reject: options.rejectMail } : {});
  let orgId = '';
  const env = await createTestDeps({
    clock,
    resolvePrincipal: (token) =>
      token === SCIM_TOKEN ? testPrincipal(orgId) : token === ADMIN_TOKEN ? testPrincipal(orgId, ['admin']) : null,
  });
  orgId = (await createTestOrg(env.deps.db, { name: 'Acme Corp' })).orgId;
  const server = createServer({ ...env.deps, rateLimit: { perSecond: 10_000, burst: 10_000, burstWindowSeconds: 1 } });
  const worker = await startTestWorker({
    db: env.deps.db,
    queueName: env.deps.queue.name,
    publicUrl: env.deps.publicUrl,
    smtpUrl: smtp.url,
    clock,
    sweepIntervalMs: 500,
  });
  return {
    app: server.app,
    db: env.deps.db,
    orgId,
    smtp,
    /** Resolves once the worker has nothing queued, running or due for a retry: every mail it was asked for has been sent. */
    async settled() {
      const unfinished = async () =>
        Object.entries(
          await worker.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
        ).filter(([, n]) => n > 0);
      await vi.waitFor(async () => expect(await unfinished()).toEqual([]), { timeout: 20_000, interval: 50 });
    },
    async stop() {
      await worker.stop();
      await smtp.close();
      await env.cleanup();
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
