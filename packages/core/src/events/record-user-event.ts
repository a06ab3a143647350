import type { Clock } from '../clock.ts';
import { timeOfEventId } from './event-ids.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventStore } from './user-event-store.ts';

export type RecordUserEventDeps = {
  events: UserEventStore;
  clock: Clock;
  nextId: (now: number) => string;
};

const MAX_REPUBLISH = 5;

/**
 * Appends `event` so that it becomes visible within `guardMs` of its id's time. A slow
 * append (a stalled write, a paused process) is appended again under a fresh id and the
 * late copy removed: a reader that already passed the old id still gets the event, at
 * the price of a possible duplicate (same userId and version), never a loss.
 */
export async function recordUserEvent(deps: RecordUserEventDeps, event: UserEvent): Promise<void> {
  let current = event;
  await deps.events.append(current);
  for (let i = 0; i < MAX_REPUBLISH; i++) {
    const now = deps.clock.now().getTime();
    if (now - timeOfEventId(current.id) <= USER_EVENT_TIMING.guardMs) return;
    const late = current;
    current = { ...late, id: deps.nextId(now) };
    await deps.events.append(current);
    await deps.events.remove(late.orgId, late.id);
  }
}
