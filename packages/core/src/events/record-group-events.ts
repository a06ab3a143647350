import type { Clock } from '../clock.ts';
import { timeOfEventId } from './event-ids.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import type { GroupEvent } from './group-event.ts';
import type { GroupEventStore } from './group-event-store.ts';

export type RecordGroupEventsDeps = { events: GroupEventStore; clock: Clock; nextId: (now: number) => string };

const MAX_REPUBLISH = 5;

const isLate = (deps: RecordGroupEventsDeps, events: GroupEvent[], limitMs: number) =>
  deps.clock.now().getTime() - timeOfEventId(events[0]?.id ?? '') > limitMs;

const renumbered = (deps: RecordGroupEventsDeps, events: GroupEvent[]) => {
  const now = deps.clock.now().getTime();
  return events.map((event) => ({ ...event, id: deps.nextId(now) }));
};

/**
 * Appends the events of one write (ids taken before it, in order) so that they become visible
 * within `guardMs` of their ids' time, as recordUserEvent: a batch whose ids aged while the
 * write ran (no reader can have passed them yet) takes fresh ones first; a slow append is
 * appended again under fresh ids and the late copy removed (a duplicate at worst, never a loss).
 */
export async function recordGroupEvents(deps: RecordGroupEventsDeps, events: GroupEvent[]): Promise<void> {
  const orgId = events[0]?.orgId;
  if (orgId === undefined) return;
  let current = isLate(deps, events, USER_EVENT_TIMING.guardMs / 2) ? renumbered(deps, events) : events;
  await deps.events.append(current);
  for (let i = 0; i < MAX_REPUBLISH && isLate(deps, current, USER_EVENT_TIMING.guardMs); i++) {
    const late = current;
    current = renumbered(deps, late);
    await deps.events.append(current);
    await deps.events.remove(
      orgId,
      late.map((event) => event.id),
    );
  }
}
