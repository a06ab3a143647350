import {
  MAX_OVERLAP_HOURS,
  WEBHOOK_EVENT_FILTERS,
  WEBHOOK_EVENT_WILDCARDS,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
} from '@provisio/core/webhooks';
import { z } from 'zod';

const ZEvents = z.array(z.enum(WEBHOOK_EVENT_FILTERS)).min(1, 'choose at least one event type');
const ZUrl = z.string().min(1).max(2_048);
const ZId = z.string().min(1).max(64);

export const ZEndpointIdSchema = z.object({ id: ZId });
export const ZCreateEndpointRequestSchema = z.object({
  url: ZUrl,
  /** Exact types or wildcards (`group.*`: every group type, later ones too). Default: every type (the wildcards). */
  events: ZEvents.default([...WEBHOOK_EVENT_WILDCARDS]),
});
export const ZUpdateEndpointRequestSchema = z.object({
  id: ZId,
  url: ZUrl.optional(),
  events: ZEvents.optional(),
  /** true turns a disabled endpoint on again (it resumes at the event that failed); false turns it off. */
  enabled: z.boolean().optional(),
});
export const ZRotateSecretRequestSchema = z.object({
  id: ZId,
  /** How long the previous secret keeps signing too (0: it stops at once). */
  overlapHours: z.number().int().min(0).max(MAX_OVERLAP_HOURS).default(24),
});
/** An endpoint with its signing secret: returned by create and rotate only, the one time it is shown. */
export const ZEndpointWithSecretSchema = z.object({ endpoint: WebhookEndpointSchema, secret: z.string() });
export const ZListDeliveriesRequestSchema = z.object({ id: ZId, limit: z.number().int().min(1).max(200).default(50) });
export const ZRedeliverRequestSchema = z.object({ deliveryId: ZId });
export const ZEndpointListSchema = z.array(WebhookEndpointSchema);
export const ZDeliveryListSchema = z.array(WebhookDeliverySchema);
