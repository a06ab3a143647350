import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createAccessTestApp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestWorker } from '../testing/test-worker.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';

// Runs start from events (a wake per org), and a slow sweep pages over all endpoints for lost wakes.
let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let queueEvents: QueueEvents;
const added: string[] = [];
const workers: Awaited<ReturnType<typeof startTestWorker>>[] = [];
const WAIT = { timeout: 30_000, interval: 50 };

const startWorker = async (sweep: { sweepIntervalMs: number; sweepPageSize?: number }) => {
  const worker = await startTestWorker({
    db: app.deps.db,
    queueName: app.deps.queue.name,
    publicUrl: app.deps.publicUrl,
    smtpUrl: smtp.url,
    webhooks: { secretKey: deriveWebhookSecretKey(app.deps.listCursorKey), allowPrivateTargets: true, ...sweep },
  });
  workers.push(worker);
};

beforeAll(async () => {
  app = await createAccessTestApp();
  smtp = await startTestSmtpServer();
  receiver = await startWebhookReceiver();
  queueEvents = new QueueEvents(app.deps.queue.name, { connection: { url: process.env['REDIS_URL'] ?? '' } });
  await queueEvents.waitUntilReady();
  queueEvents.on('added', ({ jobId }) => added.push(jobId));
  // Two replicas whose sweep ran at their start (no endpoint yet) and not again during these tests.
  for (let i = 0; i < 2; i++) await startWorker({ sweepIntervalMs: 600_000 });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await queueEvents.close();
  await receiver.close();
  await smtp.close();
  await app.cleanup();
});

type Org = Awaited<ReturnType<AccessTestApp['newOrg']>>;
const createEndpoints = async (org: Org, prefix: string, n: number) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await app.trpc(org.adminToken, 'webhooks.create', { url: receiver.url(`/${prefix}-${i}`) });
    expect(res.status).toBe(200);
    ids.push((res.data as { endpoint: { id: string } }).endpoint.id);
  }
  return ids;
};
const newUser = async (org: Org, name: string) =>
  expect(
    (await app.scim('post', '/Users', org.scimToken).send(scimUser(`${name}-${org.orgId}@example.com`))).status,
  ).toBe(201);
const runsOf = (endpointIds: string[]) =>
  added.filter((id) => endpointIds.some((e) => id.startsWith(`webhook-deliver-${e}`)));

let idle: string[] = [];

it('an idle endpoint costs no run: only the endpoints of an org with new events are run', async () => {
  idle = await createEndpoints(await app.newOrg(), 'idle', 5);
  const busyOrg = await app.newOrg();
  const [busy = ''] = await createEndpoints(busyOrg, 'busy', 1);
  await newUser(busyOrg, 'busy');
  // At least the settle window (1.5 s) passes before this: a clock-driven tick would have run the idle ones.
  await vi.waitFor(() => expect(receiver.at('/busy-0')).toHaveLength(1), WAIT);
  expect(runsOf(idle)).toEqual([]);
  expect(runsOf([busy]).length).toBeGreaterThanOrEqual(1);
  expect(added.some((id) => id.startsWith(`webhook-wake-${busyOrg.orgId}-`))).toBe(true);
});

it('an event whose wake was lost reaches every endpoint through the sweep, over more endpoints than a page', async () => {
  const org = await app.newOrg();
  const endpoints = await createEndpoints(org, 'lost', 7);
  await newUser(org, 'lost');
  // The process "dies" before its wake runs: the delayed wake job is removed.
  const wake = await vi.waitFor(async () => {
    const delayed = await app.deps.queue.getDelayed();
    const found = delayed.find((j) => j.name === 'webhook.wake' && (j.data as { orgId: string }).orgId === org.orgId);
    expect(found).toBeDefined();
    return found;
  }, WAIT);
  await wake?.remove();
  expect(runsOf(endpoints)).toEqual([]);

  // A replica whose sweep reads 3 endpoints a step: the 7 (and the others of this database) take several pages.
  await startWorker({ sweepIntervalMs: 100, sweepPageSize: 3 });
  await vi.waitFor(() => {
    for (let i = 0; i < endpoints.length; i++) expect(receiver.at(`/lost-${i}`)).toHaveLength(1);
  }, WAIT);
  expect(runsOf(endpoints).every((id) => /-sweep-/.test(id))).toBe(true);
  // The sweep read the idle endpoints too, and queued nothing for them: they owe nothing.
  expect(runsOf(idle)).toEqual([]);
});
