import { openSecret } from './secret-box.ts';
import { signWebhook } from './sign-webhook.ts';
import type { WebhookEndpointRecord } from './webhook-record.ts';

/** The headers of one delivery: content type, the event id (for dedupe) and a signature per live secret. */
export function deliveryHeaders(
  endpoint: WebhookEndpointRecord,
  secretKey: Buffer,
  delivery: { body: string; eventId: string; deliveryId: string; now: Date },
): Record<string, string> {
  const live = endpoint.secrets
    .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > delivery.now)
    .map((s) => openSecret(secretKey, s.sealed, endpoint.id));
  return {
    'content-type': 'application/json',
    'user-agent': 'Provisio-Webhooks/1',
    'provisio-event-id': delivery.eventId,
    'provisio-delivery-id': delivery.deliveryId,
    ...signWebhook(live, delivery.body, delivery.now),
  };
}
