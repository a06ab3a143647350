import type { Clock } from '../clock.ts';
import { deliveryHeaders } from './sign-for-endpoint.ts';
import type { WebhookRepository } from './webhook-repository.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type SendOneDeps = { webhooks: WebhookRepository; clock: Clock; sender: WebhookSender; secretKey: Buffer };

/**
 * Sends a logged pending delivery (a manual redelivery or a test ping) outside the endpoint's
 * ordered queue, freshly signed, and records its answer. A redelivery is sent even to a
 * disabled endpoint: it is how an admin checks a fixed receiver before turning it on.
 */
export async function sendOne(deps: SendOneDeps, ref: { orgId: string; deliveryId: string }): Promise<'sent' | 'gone'> {
  const delivery = await deps.webhooks.getDelivery(ref.orgId, ref.deliveryId);
  if (delivery?.status !== 'pending') return 'gone';
  const endpoint = await deps.webhooks.get(ref.orgId, delivery.endpointId);
  if (!endpoint) return 'gone';
  const now = deps.clock.now();
  const headers = deliveryHeaders(endpoint, deps.secretKey, {
    body: delivery.body,
    eventId: delivery.eventId ?? delivery.id,
    deliveryId: delivery.id,
    now,
  });
  const outcome = await deps.sender({ url: endpoint.url, body: delivery.body, headers });
  await deps.webhooks.updateDelivery(ref.orgId, delivery.id, {
    status: outcome.ok ? 'succeeded' : 'failed',
    responseStatus: outcome.status,
    durationMs: outcome.durationMs,
    error: outcome.error,
    at: now.toISOString(),
  });
  return 'sent';
}
