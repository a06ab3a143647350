import { WEBHOOK_DELIVERY_KINDS, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_FILTERS } from '@provisio/core/webhooks';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '@provisio/core/webhooks';
import { Schema } from 'mongoose';
import type { Connection } from 'mongoose';

type Dates<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends string ? Date : Date | null };

/** An endpoint; `secrets[].sealed` is AES-GCM ciphertext (core secret-box.ts), never the secret. */
export type WebhookEndpointDoc = Omit<
  Dates<WebhookEndpointRecord, 'disabledAt' | 'failingSince' | 'retryAt' | 'createdAt'>,
  'id' | 'secrets'
> & { _id: string; secrets: { sealed: string; createdAt: Date; expiresAt: Date | null }[] };

/** One delivery attempt; kept for the log (pruned with the events' retention). */
export type WebhookDeliveryDoc = Omit<Dates<WebhookDeliveryRecord, 'at'>, 'id'> & { _id: string };

/** Who delivers an endpoint now: `_id` is the endpoint id, so a unique insert gives one holder. */
export type WebhookLeaseDoc = { _id: string; owner: string; expiresAt: Date };

const endpointSchema = new Schema<WebhookEndpointDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    url: { type: String, required: true },
    events: { type: [{ type: String, enum: WEBHOOK_EVENT_FILTERS }], required: true },
    enabled: { type: Boolean, required: true },
    disabledAt: { type: Date, default: null },
    disabledReason: { type: String, default: null },
    secrets: {
      type: [{ _id: false, sealed: String, createdAt: Date, expiresAt: { type: Date, default: null } }],
      required: true,
    },
    cursor: { type: String, required: true },
    failingSince: { type: Date, default: null },
    failures: { type: Number, required: true },
    retryAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
endpointSchema.index({ orgId: 1, createdAt: 1 });

const deliverySchema = new Schema<WebhookDeliveryDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    endpointId: { type: String, required: true },
    eventId: { type: String, default: null },
    type: { type: String, required: true },
    kind: { type: String, enum: WEBHOOK_DELIVERY_KINDS, required: true },
    body: { type: String, required: true },
    status: { type: String, enum: WEBHOOK_DELIVERY_STATUSES, required: true },
    responseStatus: { type: Number, default: null },
    durationMs: { type: Number, default: null },
    error: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
deliverySchema.index({ orgId: 1, endpointId: 1, _id: -1 });
// No `at` index: the retention sweep deletes by `_id`, which is time-ordered (deleteOldest).

const leaseSchema = new Schema<WebhookLeaseDoc>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const registerWebhookModels = (connection: Connection) => ({
  webhookEndpoints: connection.model<WebhookEndpointDoc>('WebhookEndpoint', endpointSchema, 'webhook_endpoints'),
  webhookDeliveries: connection.model<WebhookDeliveryDoc>('WebhookDelivery', deliverySchema, 'webhook_deliveries'),
  webhookLeases: connection.model<WebhookLeaseDoc>('WebhookLease', leaseSchema, 'webhook_leases'),
});

export type WebhookModels = ReturnType<typeof registerWebhookModels>;
