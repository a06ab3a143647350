import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createAccessTestApp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestWorker } from '../testing/test-worker.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';

let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
const WAIT = { timeout: 30_000, interval: 100 };
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

beforeAll(async () => {
  app = await createAccessTestApp();
  smtp = await startTestSmtpServer();
  receiver = await startWebhookReceiver();
  worker = await startTestWorker({
    db: app.deps.db,
    queueName: app.deps.queue.name,
    publicUrl: app.deps.publicUrl,
    smtpUrl: smtp.url,
    webhooks: { secretKey: deriveWebhookSecretKey(app.deps.listCursorKey), allowPrivateTargets: true },
  });
  org = await app.newOrg();
});
afterAll(async () => {
  await worker.stop();
  await receiver.close();
  await smtp.close();
  await app.cleanup();
});

const createEndpoint = async (path: string, events: string[]) => {
  const res = await app.trpc(org.adminToken, 'webhooks.create', { url: receiver.url(path), events }, 'mutation');
  expect(res.status).toBe(200);
  return res.data as { endpoint: { id: string; events: string[] }; secret: string };
};
const scim = async (method: 'post' | 'patch' | 'delete', path: string, body?: object) => {
  const res = await app.scim(method, path, org.scimToken).send(body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as { id: string };
};
const patchOp = (...Operations: object[]) => ({ schemas: [PATCH], Operations });

it('delivers group create, rename, member adds and removes and delete in order, signed; a user.* endpoint gets none of them', async () => {
  const groups = await createEndpoint('/groups', ['group.*', 'membership.*']);
  const users = await createEndpoint('/users', ['user.*']);
  expect(groups.endpoint.events).toEqual(['group.*', 'membership.*']);
  const a = (await scim('post', '/Users', scimUser(`wg-a-${org.orgId}@example.com`))).id;
  const b = (await scim('post', '/Users', scimUser(`wg-b-${org.orgId}@example.com`))).id;
  const group = await scim('post', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Webhook group',
    members: [{ value: a }],
  });
  await scim('patch', `/Groups/${group.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' }));
  await scim('patch', `/Groups/${group.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: b }] }));
  await scim('patch', `/Groups/${group.id}`, patchOp({ op: 'remove', path: `members[value eq "${a}"]` }));
  await scim('delete', `/Groups/${group.id}`);

  await vi.waitFor(() => expect(receiver.at('/groups').length).toBeGreaterThanOrEqual(6), WAIT);
  const got = receiver.verified('/groups', groups.secret);
  expect(got.every((g) => g.valid)).toBe(true);
  expect(got.map((g) => [g.event.type, g.event.data])).toEqual([
    [
      'group.created',
      { groupId: group.id, version: 1, group: expect.objectContaining({ displayName: 'Webhook group' }) },
    ],
    ['membership.added', { groupId: group.id, userId: a }],
    ['group.updated', { groupId: group.id, version: 2, group: expect.objectContaining({ displayName: 'Renamed' }) }],
    ['membership.added', { groupId: group.id, userId: b }],
    ['membership.removed', { groupId: group.id, userId: a }],
    ['group.deleted', { groupId: group.id, version: expect.any(Number), group: null }],
  ]);
  const eventIds = got.map((g) => g.event.id);
  expect(eventIds).toEqual([...eventIds].sort());
  expect(got[0]?.event.data).toHaveProperty(['group', 'displayName']);
  expect(got[0]?.event.data).not.toHaveProperty(['group', 'members']);

  await vi.waitFor(() => expect(receiver.at('/users').length).toBeGreaterThanOrEqual(2), WAIT);
  // The group endpoint is past every event, so the user endpoint's run has had them all too.
  const userTypes = receiver.verified('/users', users.secret).map((g) => [g.valid, g.event.type]);
  expect(userTypes).toEqual([
    [true, 'user.created'],
    [true, 'user.created'],
  ]);
});

it('refuses an unknown event type or wildcard with a clear message, never a 5xx', async () => {
  for (const events of [['group.renamed'], ['groups.*'], []]) {
    const res = await app.trpc(org.adminToken, 'webhooks.create', { url: receiver.url('/bad'), events }, 'mutation');
    expect(res.status).toBe(400);
  }
});
