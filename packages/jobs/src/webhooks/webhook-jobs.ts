import { z } from 'zod';
import type { JobDefinition } from '../job-definition.ts';
import { DEFAULT_JOB_OPTIONS } from '../queues.ts';

const ids = z.object({ orgId: z.string().min(1), endpointId: z.string().min(1) });

/**
 * One delivery run of one endpoint. Its retries are the endpoint's own backoff (stored on the
 * endpoint), not BullMQ's: a failing event must hold back the later ones, so the run ends and
 * the worker's tick starts the next run when the backoff has passed.
 */
export const webhookDeliverJob = {
  name: 'webhook.deliver',
  schema: ids,
  opts: { attempts: 1, removeOnComplete: true, removeOnFail: true },
} as const satisfies JobDefinition;

/** While a run of an endpoint is queued or running, a tick adds no second one (same job id). */
export const webhookDeliverJobId = (endpointId: string) => `webhook-deliver-${endpointId}`;

/** A manual redelivery or a test ping: one logged pending delivery, sent once (BullMQ retries a crash). */
export const webhookSendJob = {
  name: 'webhook.send',
  schema: z.object({ orgId: z.string().min(1), deliveryId: z.string().min(1) }),
  opts: { ...DEFAULT_JOB_OPTIONS, attempts: 3 },
} as const satisfies JobDefinition;

export const webhookSendJobId = (deliveryId: string) => `webhook-send-${deliveryId}`;

/** Mails the org's admins that an endpoint was turned off after failing for the retry window. */
export const webhookDisabledAlertJob = {
  name: 'alert.webhook-disabled',
  schema: ids.extend({ disabledAt: z.iso.datetime() }),
  opts: { ...DEFAULT_JOB_OPTIONS, attempts: 8 },
} as const satisfies JobDefinition;

export const webhookDisabledAlertJobId = (endpointId: string, disabledAt: string) =>
  `webhook-disabled-${endpointId}-${Date.parse(disabledAt)}`;
