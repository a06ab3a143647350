export { signWebhook, WEBHOOK_HEADERS, webhookSignature } from './sign-webhook.ts';
export { isPublicAddress, webhookTargetProblem } from './webhook-target.ts';
export { subscribesTo, webhookEventBody, webhookEventOfGroup, webhookEventOfUser } from './webhook-events.ts';
export type { WebhookEvent } from './webhook-events.ts';
export { WEBHOOK_EVENT_FILTERS, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_WILDCARDS } from './webhook-event-types.ts';
export type { WebhookEventFilter, WebhookEventType } from './webhook-event-types.ts';
export { readSettledWebhookEvents, webhookEventLog } from './webhook-event-log.ts';
export type { WebhookEventLog } from './webhook-event-log.ts';
export { deriveWebhookSecretKey, newWebhookSecret, openSecret, sealSecret } from './secret-box.ts';
export * from './webhook-record.ts';
export type { WebhookEndpointPatch, WebhookRepository, WebhookSweepRow } from './webhook-repository.ts';
export { DEFAULT_RETRY_SCHEDULE, retryDelayMs } from './retry-schedule.ts';
export type { RetrySchedule } from './retry-schedule.ts';
export type { SendOutcome, WebhookSender } from './webhook-sender.ts';
export {
  createEndpoint,
  MAX_ENDPOINTS_PER_ORG,
  MAX_OVERLAP_HOURS,
  rotateSecret,
  updateEndpoint,
} from './manage-endpoints.ts';
export type { ManageEndpointsDeps } from './manage-endpoints.ts';
export { deliverEndpoint } from './deliver-endpoint.ts';
export type { DeliverEndpointDeps, DeliverRunResult } from './deliver-endpoint.ts';
export { sendOne } from './send-one.ts';
export type { SendOneDeps } from './send-one.ts';
export { queuePing, queueRedelivery } from './queue-one.ts';
export type { QueueOneDeps } from './queue-one.ts';
export { sweepEndpoints } from './sweep-endpoints.ts';
export type { SweepEndpointsDeps, WebhookRunQueue } from './sweep-endpoints.ts';
