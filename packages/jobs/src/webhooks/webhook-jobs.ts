import { z } from 'zod';
import type { JobDefinition } from '../job-definition.ts';
import { DEFAULT_JOB_OPTIONS } from '../queues.ts';

const ids = z.object({ orgId: z.string().min(1), endpointId: z.string().min(1) });

/**
 * One delivery run of one endpoint. Its retries are the endpoint's own backoff (stored on the
 * endpoint), not BullMQ's: a failing event must hold back the later ones, so the run ends and
 * schedules the next run (a delayed job) for when the backoff has passed.
 */
export const webhookDeliverJob = {
  name: 'webhook.deliver',
  schema: ids,
  opts: { attempts: 1, removeOnComplete: true, removeOnFail: true },
} as const satisfies JobDefinition;

/**
 * Why a run was asked for, and of what: a run per endpoint and reason is queued once (the job
 * id), and the lease serialises runs of one endpoint across workers.
 */
export const webhookDeliverJobId = (endpointId: string, reason: string) => `webhook-deliver-${endpointId}-${reason}`;

/**
 * "The org has new events": the server adds it after storing an event, delayed until every
 * event of that second has settled; its run queues a delivery run for each enabled endpoint
 * of the org. Idle orgs and endpoints cost nothing.
 */
export const webhookWakeJob = {
  name: 'webhook.wake',
  schema: z.object({ orgId: z.string().min(1), second: z.number().int().nonnegative() }),
  opts: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true, removeOnFail: true },
} as const satisfies JobDefinition;

/** One wake per org and second of event writes. */
export const webhookWakeJobId = (orgId: string, second: number) => `webhook-wake-${orgId}-${second}`;

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
