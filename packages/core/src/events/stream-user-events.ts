import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { eventIdFloor, timeOfEventId } from './event-ids.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import { USER_EVENT_RETENTION_DAYS } from './user-event.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventStore } from './user-event-store.ts';

export type UserEventDeps = { events: UserEventStore; clock: Clock };

const DAY_MS = 24 * 3600_000;

/**
 * The resume point of a reader: every event after it that is not yet reflected in a read
 * made now. Take it before a full resync (users.list), then stream from it.
 */
export const userEventHead = (clock: Clock): string => eventIdFloor(clock.now().getTime() - USER_EVENT_TIMING.settleMs);

/** Where a stream starts: after `lastEventId`, or at the head. Refuses ids that are malformed or past retention. */
export function resumePoint(clock: Clock, lastEventId: string | null | undefined): string {
  if (lastEventId === null || lastEventId === undefined || lastEventId === '') return userEventHead(clock);
  const at = timeOfEventId(lastEventId);
  if (Number.isNaN(at)) {
    throw new AppError('BAD_REQUEST', { message: `lastEventId '${lastEventId.slice(0, 64)}' is not an event id`, scimType: 'invalidCursor' });
  }
  if (at < clock.now().getTime() - USER_EVENT_RETENTION_DAYS * DAY_MS) {
    throw new AppError('BAD_REQUEST', {
      message: `events before ${new Date(clock.now().getTime() - USER_EVENT_RETENTION_DAYS * DAY_MS).toISOString()} are no longer kept (${USER_EVENT_RETENTION_DAYS}-day retention): resync with users.list, then subscribe from events.head`,
      scimType: 'expiredCursor',
    });
  }
  return lastEventId;
}

export type StreamUserEventsOptions = {
  orgId: string;
  lastEventId?: string | null;
  signal?: AbortSignal;
  /** Checked every poll; a throw ends the stream (e.g. the key was revoked). */
  stillAllowed?: () => Promise<void>;
  batch?: number;
};

/** The org's user events after the resume point, oldest first, settled ones only, until `signal` aborts. */
export async function* streamUserEvents(deps: UserEventDeps, options: StreamUserEventsOptions): AsyncGenerator<UserEvent> {
  const { orgId, signal, batch = 200 } = options;
  let cursor = resumePoint(deps.clock, options.lastEventId);
  while (!signal?.aborted) {
    await options.stillAllowed?.();
    const before = eventIdFloor(deps.clock.now().getTime() - USER_EVENT_TIMING.settleMs);
    const events = before > cursor ? await deps.events.listBetween(orgId, { after: cursor, before, limit: batch }) : [];
    for (const event of events) {
      yield event;
      cursor = event.id;
    }
    if (events.length < batch) await sleep(USER_EVENT_TIMING.pollMs, undefined, { signal }).catch(() => undefined);
  }
}
