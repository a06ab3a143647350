import { createSmtpMailer } from '@provisio/email';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createWorkerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { createWorker } from '@provisio/worker/src/create-worker.ts';
import { createJobMetrics } from '@provisio/worker/src/job-metrics.ts';
import { createKeyRevokedAlertProcessor } from '@provisio/worker/src/key-revoked-alert-processor.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, deactivateOp, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  app = await createAccessTestApp();
  smtp = await startTestSmtpServer();
  const mailer = createSmtpMailer({ url: smtp.url, from: 'Provisio <no-reply@provisio.test>' });
  const connection = createWorkerConnection(process.env['REDIS_URL'] ?? '');
  const logger = createLogger({ name: 'test', level: 'silent' });
  const processors = { 'alert.key-revoked': createKeyRevokedAlertProcessor({ db: app.deps.db, mailer, publicUrl: app.deps.publicUrl }) };
  const worker = createWorker({ queueName: app.deps.queue.name, connection, processors, logger, metrics: createJobMetrics(app.deps.queue) });
  void worker.run();
  stopWorker = async () => {
    await worker.close();
    connection.disconnect();
    mailer.close();
  };
});
afterAll(async () => {
  await stopWorker();
  await smtp.close();
  await app.cleanup();
});

type Key = { id: string; revokedAt: string | null; revokedReason: string | null };

/** An org whose IdP uses a key owned by a human admin (the documented hazard), plus a second admin to alert. */
async function orgWithUserOwnedScimKey() {
  const org = await app.newOrg();
  const owner = await app.scim('post', '/Users', org.scimToken).send(scimUser(`owner-${org.orgId}@example.com`, { roles: [{ value: 'admin' }] }));
  const other = await app.scim('post', '/Users', org.scimToken).send(scimUser(`other-${org.orgId}@example.com`, { roles: [{ value: 'admin' }] }));
  expect([owner.status, owner.body.roles, other.status]).toEqual([201, [{ value: 'admin' }], 201]);
  const { data } = await app.trpc(org.adminToken, 'keys.create', { name: 'okta (personal)', ownerType: 'user', ownerId: owner.body.id, scopes: ['scim'] });
  const { key, token } = data as { key: Key; token: string };
  return { ...org, ownerId: owner.body.id as string, otherEmail: `other-${org.orgId}@example.com`, userKey: key, userToken: token };
}

describe('deprovisioning revokes credentials', () => {
  it('revokes the owner keys when the IdP deactivates the owner through SCIM, says why on the next request, and mails the admins', async () => {
    const org = await orgWithUserOwnedScimKey();
    const status = await app.trpc(org.adminToken, 'org.scimStatus', undefined, 'query');
    expect((status.data as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code)).toContain('scim_key_owned_by_user');

    // The IdP, holding the owner's key, deactivates the owner: the request itself succeeds.
    const off = await app.scim('patch', `/Users/${org.ownerId}`, org.userToken).send(deactivateOp);
    expect([off.status, off.body.active]).toEqual([200, false]);

    const next = await app.scim('get', '/Users', org.userToken);
    expect(next.status).toBe(401);
    expect(next.body.detail).toMatch(/revoked at .* because its owner \(user .*\) was deprovisioned \(deactivated\).*service account/);

    const keys = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.ownerId, includeRevoked: true }, 'query');
    expect((keys.data as { items: Key[] }).items).toMatchObject([{ id: org.userKey.id, revokedReason: 'owner_deactivated' }]);

    const mails = await smtp.waitFor(1);
    const mail = mails.find((m) => m.to.includes(org.otherEmail));
    expect(mail?.raw).toMatch(/SCIM provisioning stopped/);
    expect(mail?.raw).toMatch(/service account/);
    expect(mails.some((m) => m.to.includes(`owner-${org.orgId}@example.com`))).toBe(false);

    const ledger = await app.trpc(org.adminToken, 'audit.list', { resourceType: 'ApplicationKey', resourceId: org.userKey.id }, 'query');
    const events = (ledger.data as { items: Array<{ action: string; notes: string[] }> }).items;
    expect(events.find((e) => e.action === 'key.revoked')?.notes.join(' ')).toMatch(/Org admins were emailed/);
  });

  it('revokes the keys of a user an admin deletes, and keeps service account keys working throughout', async () => {
    const org = await orgWithUserOwnedScimKey();
    const deleted = await app.trpc(org.adminToken, 'users.delete', { id: org.ownerId });
    expect(deleted.status).toBe(200);
    const res = await app.scim('get', '/Users', org.userToken);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/deprovisioned \(deleted\)/);

    // The service account's key is untouched by any number of deprovisionings.
    for (let i = 0; i < 3; i++) {
      const u = await app.scim('post', '/Users', org.scimToken).send(scimUser(`leaver-${i}-${org.orgId}@example.com`));
      expect((await app.scim('patch', `/Users/${u.body.id}`, org.scimToken).send(deactivateOp)).status).toBe(200);
      expect((await app.scim('delete', `/Users/${u.body.id}`, org.scimToken)).status).toBe(204);
    }
    expect((await app.scim('get', '/Users', org.scimToken)).status).toBe(200);
    const keys = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.serviceAccountId }, 'query');
    expect((keys.data as { items: Key[] }).items).toMatchObject([{ id: org.scimKeyId, revokedAt: null }]);
  });

  it('refuses to give a deactivated user a new key', async () => {
    const org = await app.newOrg();
    const u = await app.scim('post', '/Users', org.scimToken).send(scimUser(`gone-${org.orgId}@example.com`, { active: false }));
    const res = await app.trpc(org.adminToken, 'keys.create', { name: 'x', ownerType: 'user', ownerId: u.body.id, scopes: ['scim'] });
    expect(res.status).toBe(400);
  });
});
