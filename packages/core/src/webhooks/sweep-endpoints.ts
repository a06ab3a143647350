import type { Clock } from '../clock.ts';
import { userEventHead } from '../events/resume-point.ts';
import type { WebhookEventLog } from './webhook-event-log.ts';
import type { WebhookRepository } from './webhook-repository.ts';

/** Queues a delivery run of one endpoint, once per `reason`, after `delayMs` (the worker's BullMQ queue). */
export type WebhookRunQueue = (ref: { orgId: string; id: string }, reason: string, delayMs?: number) => Promise<void>;

export type SweepEndpointsDeps = {
  webhooks: Pick<WebhookRepository, 'pageAfter'>;
  events: WebhookEventLog;
  clock: Clock;
  queueRun: WebhookRunQueue;
};

/**
 * One step of the slow sweep that makes up for lost wakes (a process that died between storing an
 * event and waking the org, a retry whose delayed run was lost): reads the page of endpoints after
 * `after` (by id, so successive steps cover every endpoint however many there are) and queues a run
 * for each enabled one past its backoff that has a settled event after its cursor (one read of at
 * most one event). Returns where the next step starts: '' after an empty page (the walk restarts).
 */
export async function sweepEndpoints(
  deps: SweepEndpointsDeps,
  { after, pageSize }: { after: string; pageSize: number },
): Promise<{ next: string; checked: number; queued: number }> {
  const page = await deps.webhooks.pageAfter(after, pageSize);
  const now = deps.clock.now();
  const head = userEventHead(deps.clock);
  let queued = 0;
  for (const endpoint of page) {
    if (!endpoint.enabled || (endpoint.retryAt && new Date(endpoint.retryAt) > now) || endpoint.cursor >= head)
      continue;
    const [owed] = await deps.events.listBetween(endpoint.orgId, { after: endpoint.cursor, before: head, limit: 1 });
    if (!owed) continue;
    // Keyed by the cursor: sweeps of an endpoint that is stuck at one place queue one run.
    await deps.queueRun(endpoint, `sweep-${endpoint.cursor}`);
    queued++;
  }
  // Only an empty page ends the walk: a short one may be short because a row vanished between reads.
  return { next: page.at(-1)?.id ?? '', checked: page.length, queued };
}
