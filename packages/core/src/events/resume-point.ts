import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { eventIdFloor, timeOfEventId } from './event-ids.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import { USER_EVENT_RETENTION_DAYS } from './user-event.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventStore } from './user-event-store.ts';

export type UserEventDeps = { events: UserEventStore; clock: Clock };

/** Events read per query; a full batch is followed by another read at once. */
export const READ_BATCH = 200;

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
    throw new AppError('BAD_REQUEST', {
      message: `lastEventId '${lastEventId.slice(0, 64)}' is not an event id`,
      scimType: 'invalidCursor',
    });
  }
  if (at < clock.now().getTime() - USER_EVENT_RETENTION_DAYS * DAY_MS) {
    throw new AppError('BAD_REQUEST', {
      message: `events before ${new Date(clock.now().getTime() - USER_EVENT_RETENTION_DAYS * DAY_MS).toISOString()} are no longer kept (${USER_EVENT_RETENTION_DAYS}-day retention): resync with users.list, then subscribe from events.head`,
      scimType: 'expiredCursor',
    });
  }
  return lastEventId;
}

/**
 * The org's settled events after `after` (ids older than the settle window), oldest first,
 * at most READ_BATCH. Every reader, shared poller or lone catch-up, reads through this.
 */
export async function readSettled(deps: UserEventDeps, orgId: string, after: string): Promise<UserEvent[]> {
  const before = userEventHead(deps.clock);
  return before > after ? deps.events.listBetween(orgId, { after, before, limit: READ_BATCH }) : [];
}
