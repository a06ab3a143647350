import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import type { RetrySchedule } from './retry-schedule.ts';
import { retryDelayMs } from './retry-schedule.ts';
import { deliveryHeaders } from './sign-for-endpoint.ts';
import { readSettledWebhookEvents } from './webhook-event-log.ts';
import type { WebhookEventLog } from './webhook-event-log.ts';
import { subscribesTo, webhookEventBody } from './webhook-events.ts';
import type { WebhookEndpointRecord } from './webhook-record.ts';
import type { WebhookRepository } from './webhook-repository.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type DeliverEndpointDeps = {
  webhooks: WebhookRepository;
  /** Both event logs, merged (webhookEventLog). */
  events: WebhookEventLog;
  clock: Clock;
  sender: WebhookSender;
  secretKey: Buffer;
  schedule: RetrySchedule;
  /** Tells the org's admins the endpoint was disabled (the worker enqueues the mail). */
  disabled: (endpoint: { orgId: string; id: string }) => Promise<void>;
  /** This worker (host and pid), in the lease's owner for whoever inspects it. */
  owner: string;
  /** How long a lease holds if its holder dies mid-run (longer than a run's sends at their time bound). */
  leaseMs?: number;
  /** Events one run sends at most before it hands the endpoint back. */
  maxPerRun?: number;
};

export type DeliverRunResult = {
  outcome: 'leased-elsewhere' | 'idle' | 'delivered' | 'failing' | 'disabled';
  sent: number;
  /** The run stopped at its bound with events left: the caller queues the next run now. */
  more?: boolean;
  /** Backing off until then: the caller queues the next run for that time. */
  retryAt?: string;
};

/**
 * One delivery run of one endpoint: under its lease, sends the org's settled events after the
 * endpoint's cursor, in event order, one at a time, advancing the cursor after each 2xx.
 * A failure stops the run (order: nothing later goes first) and sets the backoff; failing
 * past the schedule's limit disables the endpoint. At least once: an event whose 2xx was not
 * recorded (a crash, a lost lease) is sent again, with the same event id.
 */
export async function deliverEndpoint(
  deps: DeliverEndpointDeps,
  ref: { orgId: string; id: string },
): Promise<DeliverRunResult> {
  const leaseMs = deps.leaseMs ?? 120_000;
  // One owner per run, so two runs in one process never release each other's lease.
  const owner = `${deps.owner}-${randomUUID()}`;
  if (!(await deps.webhooks.lease(ref.id, owner, deps.clock.now(), leaseMs)))
    return { outcome: 'leased-elsewhere', sent: 0 };
  try {
    return await run(deps, ref, deps.clock.now().getTime() + leaseMs / 2);
  } finally {
    await deps.webhooks.unlease(ref.id, owner);
  }
}

/** `stopBy`: a run hands the endpoint back well before its lease could lapse (slow receivers). */
async function run(
  deps: DeliverEndpointDeps,
  ref: { orgId: string; id: string },
  stopBy: number,
): Promise<DeliverRunResult> {
  const endpoint = await deps.webhooks.get(ref.orgId, ref.id);
  if (!endpoint?.enabled) return { outcome: 'idle', sent: 0 };
  if (endpoint.retryAt && new Date(endpoint.retryAt) > deps.clock.now())
    return { outcome: 'failing', sent: 0, retryAt: endpoint.retryAt };
  const maxPerRun = deps.maxPerRun ?? 100;
  let cursor = endpoint.cursor;
  let sent = 0;
  let more = false;
  for (;;) {
    if (sent >= maxPerRun || deps.clock.now().getTime() >= stopBy) {
      more = true;
      break;
    }
    const events = await readSettledWebhookEvents(deps, ref.orgId, cursor);
    if (events.length === 0) break;
    for (const event of events) {
      if (!subscribesTo(endpoint.events, event.type)) {
        cursor = event.id;
        continue;
      }
      const ok = await attempt(deps, endpoint, {
        eventId: event.id,
        type: event.type,
        body: webhookEventBody(event),
      });
      if (!ok) return failed(deps, endpoint, cursor, sent);
      cursor = event.id;
      sent++;
      await deps.webhooks.update(ref.orgId, ref.id, { cursor, failingSince: null, failures: 0, retryAt: null });
      if (sent >= maxPerRun || deps.clock.now().getTime() >= stopBy) break;
    }
  }
  if (cursor !== endpoint.cursor) await deps.webhooks.update(ref.orgId, ref.id, { cursor });
  return { outcome: sent > 0 ? 'delivered' : 'idle', sent, ...(more ? { more } : {}) };
}

/** Sends one event, logs the attempt; true on 2xx. */
async function attempt(
  deps: DeliverEndpointDeps,
  endpoint: WebhookEndpointRecord,
  event: { eventId: string; type: string; body: string },
): Promise<boolean> {
  const now = deps.clock.now();
  const id = uuidV7(now.getTime());
  const headers = deliveryHeaders(endpoint, deps.secretKey, {
    body: event.body,
    eventId: event.eventId,
    deliveryId: id,
    now,
  });
  const outcome = await deps.sender({ url: endpoint.url, body: event.body, headers });
  await deps.webhooks.logDelivery({
    id,
    orgId: endpoint.orgId,
    endpointId: endpoint.id,
    eventId: event.eventId,
    type: event.type,
    kind: 'event',
    body: event.body,
    status: outcome.ok ? 'succeeded' : 'failed',
    responseStatus: outcome.status,
    durationMs: outcome.durationMs,
    error: outcome.error,
    at: now.toISOString(),
  });
  return outcome.ok;
}

async function failed(
  deps: DeliverEndpointDeps,
  endpoint: WebhookEndpointRecord,
  cursor: string,
  sent: number,
): Promise<DeliverRunResult> {
  const now = deps.clock.now();
  // A success in this run reset the failure state in storage; `sent` says so.
  const failingSince = sent === 0 && endpoint.failingSince ? endpoint.failingSince : now.toISOString();
  const failures = (sent === 0 ? endpoint.failures : 0) + 1;
  if (now.getTime() - new Date(failingSince).getTime() >= deps.schedule.giveUpAfterMs) {
    await deps.webhooks.update(endpoint.orgId, endpoint.id, {
      cursor,
      enabled: false,
      disabledAt: now.toISOString(),
      disabledReason: `deliveries failed for ${Math.round(deps.schedule.giveUpAfterMs / 60_000)} minutes (${failures} attempts)`,
      failingSince,
      failures,
      retryAt: null,
    });
    await deps.disabled({ orgId: endpoint.orgId, id: endpoint.id });
    return { outcome: 'disabled', sent };
  }
  const retryAt = new Date(now.getTime() + retryDelayMs(deps.schedule, failures)).toISOString();
  await deps.webhooks.update(endpoint.orgId, endpoint.id, { cursor, failingSince, failures, retryAt });
  return { outcome: 'failing', sent, retryAt };
}
