import { createUser, uuidV7 } from '@provisio/core';
import type { Clock } from '@provisio/core';
import { createEndpoint, deliverEndpoint, deriveWebhookSecretKey } from '@provisio/core/webhooks';
import type { DeliverEndpointDeps, WebhookSender } from '@provisio/core/webhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
// Two seconds ahead: every event written so far is past the event log's settle window.
const clock: Clock = { now: () => new Date(Date.now() + 2_000) };
const secretKey = deriveWebhookSecretKey('test-list-cursor-key');
const by = { authority: { admin: false, adminDelegated: false } };

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

/** A receiver as a port: records event ids, answers 200 after a turn of the event loop (so runs overlap). */
function recordingSender(received: string[]): WebhookSender {
  return async ({ headers }) => {
    await new Promise((resolve) => setImmediate(resolve));
    received.push(headers['provisio-event-id'] ?? '');
    return { ok: true, status: 200, durationMs: 1, error: null };
  };
}

const deps = (owner: string, sender: WebhookSender): DeliverEndpointDeps => ({
  webhooks: db.webhooks,
  events: db.webhookEvents,
  clock,
  sender,
  secretKey,
  schedule: { baseDelayMs: 10, maxDelayMs: 10, giveUpAfterMs: 60_000 },
  disabled: () => Promise.resolve(),
  owner,
});

it('delivers each event once when two workers run the same endpoint at the same time (the lease)', async () => {
  const manage = { webhooks: db.webhooks, clock: { now: () => new Date() }, secretKey, allowPrivateTargets: true };
  const { endpoint } = await createEndpoint(manage, {
    orgId,
    url: 'http://127.0.0.1:9/hook',
    events: ['user.created'],
  });
  for (let i = 0; i < 12; i++)
    await createUser(
      { users: db.users, clock: { now: () => new Date() } },
      { orgId, source: 'scim', ...by, attributes: { userName: `lease${i}@example.com`, active: true } },
    );
  const received: string[] = [];
  const sender = recordingSender(received);
  const runs = await Promise.all([
    deliverEndpoint(deps('worker-a', sender), endpoint),
    deliverEndpoint(deps('worker-b', sender), endpoint),
  ]);
  expect(runs.map((r) => r.outcome).sort()).toEqual(['delivered', 'leased-elsewhere']);
  expect(received).toHaveLength(12);
  expect(new Set(received).size).toBe(12);
  // The lease was handed back: a later run finds nothing new to send.
  expect(await deliverEndpoint(deps('worker-b', sender), endpoint)).toEqual({ outcome: 'idle', sent: 0 });
});

it('lets exactly one taker have a lapsed lease (its holder died mid-run)', async () => {
  const now = new Date();
  expect(await db.webhooks.lease('ep-lapsed', 'dead', now, 1_000)).toBe(true);
  const later = new Date(now.getTime() + 5_000);
  const takers = await Promise.all(['a', 'b', 'c'].map((owner) => db.webhooks.lease('ep-lapsed', owner, later, 1_000)));
  expect(takers.filter(Boolean)).toHaveLength(1);
});

/** A ping delivered to `endpointId` and logged, with id `id` (a UUIDv7 of when it was queued). */
const logPing = (id: string, endpointId: string, at: string) =>
  db.webhooks.logDelivery({
    id,
    orgId,
    endpointId,
    eventId: null,
    type: 'ping',
    kind: 'ping',
    body: '{}',
    status: 'succeeded',
    responseStatus: 200,
    durationMs: 1,
    error: null,
    at,
  });

it('prunes logged deliveries older than the retention, and only those', async () => {
  const logged = (id: string, at: string) => logPing(id, 'ep-prune', at);
  // Ids are UUIDv7s of when the delivery was queued, as queueOne makes them: the sweep goes by them.
  const [oldId, newId] = [uuidV7(Date.parse('2026-01-01T00:00:00Z')), uuidV7(Date.parse('2026-06-01T00:00:00Z'))];
  await logged(oldId, '2026-01-01T00:00:00.000Z');
  await logged(newId, '2026-06-01T00:00:00.000Z');
  expect(await db.webhooks.pruneDeliveries(new Date('2026-03-01T00:00:00Z'), 100)).toBe(1);
  expect((await db.webhooks.deliveries(orgId, 'ep-prune', 10)).map((d) => d.id)).toEqual([newId]);
});

it('lists an endpoint’s newest deliveries first, from SQL ids read by `_id` (never a sort of every delivery)', async () => {
  const log = (id: string, endpointId: string) => logPing(id, endpointId, new Date().toISOString());
  const ids = Array.from({ length: 12 }, (_, i) => uuidV7(Date.parse('2026-07-01T00:00:00Z') + i * 1_000));
  for (const [i, id] of ids.entries()) await log(id, i % 3 === 0 ? 'ep-other' : 'ep-newest');
  const mine = ids.filter((_, i) => i % 3 !== 0).reverse();
  const finds: Array<Record<string, unknown>> = [];
  const client = db.connection.getClient();
  const listen = (e: { commandName: string; command: Record<string, unknown> }) => {
    if (e.commandName === 'find' && e.command['find'] === 'webhook_deliveries') finds.push(e.command);
  };
  client.on('commandStarted', listen);
  try {
    expect((await db.webhooks.deliveries(orgId, 'ep-newest', 5)).map((d) => d.id)).toEqual(mine.slice(0, 5));
  } finally {
    client.off('commandStarted', listen);
  }
  expect(finds.filter((c) => typeof (c['filter'] as { _id?: unknown })._id !== 'string')).toEqual([]);
});
