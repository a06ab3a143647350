import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { webhookPingBody } from './webhook-events.ts';
import type { WebhookDeliveryRecord } from './webhook-record.ts';
import type { WebhookRepository } from './webhook-repository.ts';

export type QueueOneDeps = {
  webhooks: WebhookRepository;
  clock: Clock;
  /** Hands the pending delivery to the worker (a job holding ids only). */
  enqueue: (ref: { orgId: string; deliveryId: string }) => Promise<void>;
};

const pending = (
  base: Pick<WebhookDeliveryRecord, 'orgId' | 'endpointId' | 'eventId' | 'type' | 'kind' | 'body'>,
  now: Date,
): WebhookDeliveryRecord => ({
  ...base,
  id: uuidV7(now.getTime()),
  status: 'pending',
  responseStatus: null,
  durationMs: null,
  error: null,
  at: now.toISOString(),
});

/** Logs a test ping to the endpoint as pending and has the worker send it. */
export async function queuePing(deps: QueueOneDeps, ref: { orgId: string; endpointId: string }) {
  if (!(await deps.webhooks.get(ref.orgId, ref.endpointId)))
    throw new AppError('NOT_FOUND', { message: 'no such webhook endpoint' });
  const now = deps.clock.now();
  const id = uuidV7(now.getTime());
  const delivery = {
    ...pending({ ...ref, eventId: null, type: 'ping', kind: 'ping', body: webhookPingBody(id, now) }, now),
    id,
  };
  await deps.webhooks.logDelivery(delivery);
  await deps.enqueue({ orgId: ref.orgId, deliveryId: delivery.id });
  return delivery;
}

/** Re-sends a logged delivery's body (same event id, fresh signature) as a new pending delivery. */
export async function queueRedelivery(deps: QueueOneDeps, ref: { orgId: string; deliveryId: string }) {
  const original = await deps.webhooks.getDelivery(ref.orgId, ref.deliveryId);
  if (!original) throw new AppError('NOT_FOUND', { message: 'no such webhook delivery' });
  const { orgId, endpointId, eventId, type, body } = original;
  const delivery = pending({ orgId, endpointId, eventId, type, kind: 'redelivery', body }, deps.clock.now());
  await deps.webhooks.logDelivery(delivery);
  await deps.enqueue({ orgId, deliveryId: delivery.id });
  return delivery;
}
