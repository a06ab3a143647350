import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createAccessTestApp, deactivateOp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestWorker } from '../testing/test-worker.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';

type Endpoint = { id: string; enabled: boolean; disabledReason: string | null; previousSecretExpiresAt: string | null };
type Delivery = {
  id: string;
  eventId: string | null;
  type: string;
  kind: string;
  status: string;
  responseStatus: number | null;
  durationMs: number | null;
};

let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const workers: Awaited<ReturnType<typeof startTestWorker>>[] = [];
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;

// A short schedule by config: retries after 50, 100, 200, 400… ms; given up after 3 s of failures.
const SCHEDULE = { baseDelayMs: 50, maxDelayMs: 400, giveUpAfterMs: 3_000 };
const WAIT = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  app = await createAccessTestApp();
  smtp = await startTestSmtpServer();
  receiver = await startWebhookReceiver();
  // Two workers on one queue, as two replicas: each endpoint is still delivered by one at a time.
  for (let i = 0; i < 2; i++)
    workers.push(
      await startTestWorker({
        db: app.deps.db,
        queueName: app.deps.queue.name,
        publicUrl: app.deps.publicUrl,
        smtpUrl: smtp.url,
        webhooks: {
          secretKey: deriveWebhookSecretKey(app.deps.listCursorKey),
          allowPrivateTargets: true,
          schedule: SCHEDULE,
          timeoutMs: 2_000,
        },
      }),
    );
  org = await app.newOrg();
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await receiver.close();
  await smtp.close();
  await app.cleanup();
});

const call = async <T>(path: string, input?: unknown, type: 'query' | 'mutation' = 'mutation') => {
  const res = await app.trpc(org.adminToken, path, input, type);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.error)}`);
  return res.data as T;
};
const createEndpoint = (path: string, events?: string[]) =>
  call<{ endpoint: Endpoint; secret: string }>('webhooks.create', {
    url: receiver.url(path),
    ...(events ? { events } : {}),
  });
const newUser = async (name: string) => {
  const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(`${name}-${org.orgId}@example.com`));
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const deliveries = (id: string) => call<Delivery[]>('webhooks.deliveries', { id }, 'query');

it('delivers a burst in event order, each once across two workers, signed so verifyWebhook accepts it', async () => {
  const { endpoint, secret } = await createEndpoint('/burst');
  const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(`burst${i}`)));
  for (const id of ids.slice(0, 5))
    expect((await app.scim('patch', `/Users/${id}`, org.scimToken).send(deactivateOp)).status).toBe(200);

  await vi.waitFor(() => expect(receiver.at('/burst').length).toBeGreaterThanOrEqual(25), WAIT);
  const got = receiver.verified('/burst', secret);
  expect(got.every((g) => g.valid)).toBe(true);
  const eventIds = got.map((g) => g.event.id);
  expect(new Set(eventIds).size).toBe(eventIds.length);
  expect(eventIds).toEqual([...eventIds].sort());
  expect(got.filter((g) => g.event.type === 'user.created')).toHaveLength(20);
  expect(
    got
      .filter((g) => g.event.type === 'user.deactivated')
      .map((g) => g.event.data.userId)
      .sort(),
  ).toEqual(ids.slice(0, 5).sort());
  expect(receiver.at('/burst')[0]?.headers['provisio-event-id']).toBe(eventIds[0]);
  const log = await deliveries(endpoint.id);
  expect(log).toHaveLength(25);
  expect(log.every((d) => d.status === 'succeeded' && d.responseStatus === 200 && d.durationMs !== null)).toBe(true);
});

it('retries after the receiver answers 500, holding later events back, then succeeds in order', async () => {
  receiver.answer('/flaky', (n) => (n < 2 ? 500 : 200));
  const { endpoint, secret } = await createEndpoint('/flaky', ['user.created']);
  const first = await newUser('flaky-a');
  const second = await newUser('flaky-b');
  await vi.waitFor(() => expect(receiver.at('/flaky').length).toBeGreaterThanOrEqual(4), WAIT);
  const got = receiver.verified('/flaky', secret).map((g) => [g.valid, g.event.data.userId]);
  expect(got).toEqual([
    [true, first],
    [true, first],
    [true, first],
    [true, second],
  ]);
  // The log is written once the receiver has answered: wait for the last attempt's row.
  await vi.waitFor(async () => {
    const log = await deliveries(endpoint.id);
    expect(log.map((d) => [d.status, d.responseStatus]).reverse()).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['succeeded', 200],
      ['succeeded', 200],
    ]);
  }, WAIT);
  const [listed] = (await call<Endpoint[]>('webhooks.list', undefined, 'query')).filter((e) => e.id === endpoint.id);
  expect(listed).toMatchObject({ enabled: true, failures: 0, retryAt: null });
});

it('disables an endpoint that fails for the whole retry window and mails the org admins; turning it on resumes', async () => {
  const adminEmail = `webhook-admin-${org.orgId}@example.com`;
  await call('users.create', {
    attributes: { userName: adminEmail, emails: [{ value: adminEmail, primary: true }], active: true },
    role: 'admin',
  });
  let down = true;
  receiver.answer('/down', () => (down ? 503 : 200));
  const { endpoint, secret } = await createEndpoint('/down', ['user.created']);
  const user = await newUser('down');

  const isAlert = (x: { to: string[]; raw: string }) =>
    x.to.includes(adminEmail) && /Webhook endpoint turned off/.test(x.raw);
  await smtp.until((m) => m.some(isAlert));
  const [listed] = (await call<Endpoint[]>('webhooks.list', undefined, 'query')).filter((e) => e.id === endpoint.id);
  expect(listed).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/failed for/) });
  expect(receiver.at('/down').length).toBeGreaterThan(3);

  down = false;
  await call('webhooks.update', { id: endpoint.id, enabled: true });
  await vi.waitFor(() => expect(receiver.verified('/down', secret).at(-1)?.event.data.userId).toBe(user), WAIT);
  await vi.waitFor(async () => expect((await deliveries(endpoint.id))[0]?.status).toBe('succeeded'), WAIT);
});

it('signs with both secrets during a rotation overlap, with the new one only once it ends', async () => {
  const { endpoint, secret: old } = await createEndpoint('/rotate', ['user.created']);
  const { secret: next, endpoint: rotated } = await call<{ endpoint: Endpoint; secret: string }>(
    'webhooks.rotateSecret',
    { id: endpoint.id, overlapHours: 1 },
  );
  expect(rotated.previousSecretExpiresAt).not.toBeNull();
  await newUser('rotate-a');
  await vi.waitFor(() => expect(receiver.at('/rotate')).toHaveLength(1), WAIT);
  expect([receiver.verified('/rotate', old)[0]?.valid, receiver.verified('/rotate', next)[0]?.valid]).toEqual([
    true,
    true,
  ]);

  const { secret: third } = await call<{ secret: string }>('webhooks.rotateSecret', {
    id: endpoint.id,
    overlapHours: 0,
  });
  await newUser('rotate-b');
  await vi.waitFor(() => expect(receiver.at('/rotate')).toHaveLength(2), WAIT);
  expect([receiver.verified('/rotate', next)[1]?.valid, receiver.verified('/rotate', third)[1]?.valid]).toEqual([
    false,
    true,
  ]);
  expect(String(receiver.at('/rotate')[1]?.headers['provisio-signature']).split(',')).toHaveLength(1);
});

it('sends a signed ping and redelivers a logged event with the same event id', async () => {
  const { endpoint, secret } = await createEndpoint('/manual', ['user.created']);
  const ping = await call<Delivery>('webhooks.ping', { id: endpoint.id });
  expect(ping).toMatchObject({ kind: 'ping', status: 'pending' });
  await vi.waitFor(
    () => expect(receiver.verified('/manual', secret)[0]).toMatchObject({ valid: true, event: { type: 'ping' } }),
    WAIT,
  );

  await newUser('manual');
  await vi.waitFor(() => expect(receiver.at('/manual')).toHaveLength(2), WAIT);
  const original = (await deliveries(endpoint.id)).find((d) => d.kind === 'event');
  const again = await call<Delivery>('webhooks.redeliver', { deliveryId: original?.id });
  await vi.waitFor(() => expect(receiver.at('/manual')).toHaveLength(3), WAIT);
  const [, event, redelivered] = receiver.verified('/manual', secret);
  expect(redelivered).toEqual({ valid: true, event: event?.event });
  await vi.waitFor(
    async () =>
      expect((await deliveries(endpoint.id)).find((d) => d.id === again.id)).toMatchObject({
        kind: 'redelivery',
        status: 'succeeded',
        responseStatus: 200,
      }),
    WAIT,
  );
});

it("refuses what an admin may not do: a SCIM key, a bad URL, an unknown event type, another org's endpoint", async () => {
  expect((await app.trpc(org.scimToken, 'webhooks.list', undefined, 'query')).status).toBe(403);
  expect((await app.trpc(org.adminToken, 'webhooks.create', { url: 'not a url' })).status).toBe(400);
  expect(
    (await app.trpc(org.adminToken, 'webhooks.create', { url: receiver.url('/x'), events: ['user.exploded'] })).status,
  ).toBe(400);
  const { endpoint } = await createEndpoint('/mine');
  const other = await app.newOrg();
  const theirs = await app.trpc(other.adminToken, 'webhooks.deliveries', { id: endpoint.id }, 'query');
  const none = await app.trpc(
    other.adminToken,
    'webhooks.deliveries',
    { id: '01900000-0000-7000-8000-000000000000' },
    'query',
  );
  expect([theirs.status, theirs.error?.message]).toEqual([none.status, none.error?.message]);
  expect(theirs.status).toBe(404);
});
