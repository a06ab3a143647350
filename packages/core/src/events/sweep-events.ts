import type { Clock } from '../clock.ts';
import { eventIdFloor } from './event-ids.ts';
import { USER_EVENT_RETENTION_DAYS } from './user-event.ts';
import type { EventLogStore } from './event-log-store.ts';

/**
 * Deletes events past retention (ids are time-ordered, so "older than" is "id below the
 * floor of the cutoff"), in batches. No TTL index on FerretDB: the worker runs this on a
 * timer, over the user log and the group log alike; idempotent, any number of workers may run it.
 */
export async function sweepEvents(
  deps: { events: Pick<EventLogStore<{ id: string; orgId: string }>, 'deleteBefore'>; clock: Clock },
  { batch = 1_000, maxBatches = 100 } = {},
): Promise<number> {
  const before = eventIdFloor(deps.clock.now().getTime() - USER_EVENT_RETENTION_DAYS * 24 * 3600_000);
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await deps.events.deleteBefore(before, batch);
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
