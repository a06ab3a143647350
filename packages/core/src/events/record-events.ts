import type { Clock } from '../clock.ts';
import { timeOfEventId } from './event-ids.ts';
import type { EventLogStore } from './event-log-store.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';

export type RecordEventsDeps<E extends { id: string; orgId: string }> = {
  events: EventLogStore<E>;
  clock: Clock;
  nextId: (now: number) => string;
};

const MAX_REPUBLISH = 5;

/**
 * Appends the events of one write (ids taken before it, in order) so that they become
 * visible within `guardMs` of their ids' time. A batch whose ids aged while the write ran
 * (not appended yet, so no reader can have passed them) takes fresh ones first. A slow
 * append (a stalled write, a paused process) is appended again under fresh ids and the late
 * copy removed: a reader that already passed the old ids still gets the events, at the
 * price of a possible duplicate (readers dedupe), never a loss.
 */
export async function recordEvents<E extends { id: string; orgId: string }>(
  deps: RecordEventsDeps<E>,
  events: E[],
): Promise<void> {
  const orgId = events[0]?.orgId;
  if (orgId === undefined) return;
  const ageOf = (batch: E[]) => deps.clock.now().getTime() - timeOfEventId(batch[0]?.id ?? '');
  const renumbered = (batch: E[]) => {
    const now = deps.clock.now().getTime();
    return batch.map((event) => ({ ...event, id: deps.nextId(now) }));
  };
  let current = ageOf(events) > USER_EVENT_TIMING.guardMs / 2 ? renumbered(events) : events;
  await deps.events.append(current);
  for (let i = 0; i < MAX_REPUBLISH && ageOf(current) > USER_EVENT_TIMING.guardMs; i++) {
    const late = current;
    current = renumbered(late);
    await deps.events.append(current);
    await deps.events.remove(
      orgId,
      late.map((event) => event.id),
    );
  }
}
