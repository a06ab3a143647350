import { z } from 'zod';
import { WEBHOOK_EVENT_FILTERS } from './webhook-event-types.ts';
import type { WebhookEventFilter } from './webhook-event-types.ts';

/** A signing secret, sealed (secret-box.ts). The newest is first; an older one lives until `expiresAt` (rotation overlap). */
export type WebhookSecret = { sealed: string; createdAt: string; expiresAt: string | null };

/** An endpoint as stored: its public view plus the sealed secrets and its place in the event log. */
export type WebhookEndpointRecord = {
  id: string;
  orgId: string;
  url: string;
  /** Exact types and wildcards (`group.*`), matched at delivery (subscribesTo). */
  events: WebhookEventFilter[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  secrets: WebhookSecret[];
  /** The last event id handled (delivered, or skipped as not subscribed): delivery resumes after it. */
  cursor: string;
  /** When the delivery now failing first failed (null while deliveries succeed). */
  failingSince: string | null;
  /** Failed attempts of the event at the head of the endpoint's queue. */
  failures: number;
  /** No attempt before this (the backoff of the last failure). */
  retryAt: string | null;
  createdAt: string;
};

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_FILTERS)),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  disabledReason: z.string().nullable(),
  failingSince: z.iso.datetime().nullable(),
  failures: z.number().int(),
  retryAt: z.iso.datetime().nullable(),
  /** While a rotation overlaps: when the previous secret stops signing. */
  previousSecretExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export function toWebhookEndpoint(record: WebhookEndpointRecord, now: Date): WebhookEndpoint {
  const previous = record.secrets.slice(1).find((s) => s.expiresAt !== null && new Date(s.expiresAt) > now);
  return {
    id: record.id,
    url: record.url,
    events: record.events,
    enabled: record.enabled,
    disabledAt: record.disabledAt,
    disabledReason: record.disabledReason,
    failingSince: record.failingSince,
    failures: record.failures,
    retryAt: record.retryAt,
    previousSecretExpiresAt: previous?.expiresAt ?? null,
    createdAt: record.createdAt,
  };
}

export const WEBHOOK_DELIVERY_KINDS = ['event', 'redelivery', 'ping'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** One attempt to deliver, as the delivery log shows it. */
export const WebhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  /** The event delivered (the receiver's dedupe key); null for a ping. */
  eventId: z.string().nullable(),
  type: z.string(),
  kind: z.enum(WEBHOOK_DELIVERY_KINDS),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** Why it failed, in words (timeout, refused address, status): never the response body. */
  error: z.string().nullable(),
  at: z.iso.datetime(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** A logged delivery with the exact body it sent (a redelivery re-sends it, freshly signed). */
export type WebhookDeliveryRecord = WebhookDelivery & { orgId: string; body: string };
