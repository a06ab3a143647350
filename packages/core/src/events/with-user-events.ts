import type { Clock } from '../clock.ts';
import { lostRaces } from '../users/retry-on-version-conflict.ts';
import type { UserStatus } from '../users/user-enums.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { UserRepository } from '../users/user-repository.ts';
import { lifecycleType } from './lifecycle-type.ts';
import { bracketed } from './intent-bracket.ts';
import { recordEvents } from './record-events.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventIntent, UserEventIntentStore } from './user-event-intent.ts';
import type { UserEventStore } from './user-event-store.ts';

export type UserEventsOptions = {
  events: UserEventStore;
  intents: UserEventIntentStore;
  clock: Clock;
  nextId: (now: number) => string;
  /** The stored status and version of a user (a cheap read): for a delete retried after the version moved. */
  peek(orgId: string, id: string): Promise<{ status: UserStatus; version: number } | null>;
  /** The write took effect but its event could not be stored now; its open intent lets the sweep record it. */
  onDeferred(error: unknown, event: UserEvent): void;
};

type Planned = Omit<UserEventIntent, 'id' | 'at'>;

/** A delete races only writes of the same user; a few rounds settle it. */
const MAX_DELETE_ATTEMPTS = 10;

/**
 * The user repository, recording a lifecycle event for every write that took effect.
 * Wrapping the port (not the SCIM adapter or a procedure) covers every path that changes
 * a user: SCIM, tRPC, invite acceptance, the worker. Each write is bracketed by an intent
 * (`bracketed`), so a crash or a database failure between the write and its event delays
 * the event instead of losing it. The event id is
 * taken before the write, so a later writer of the same user (which had to read this
 * write first) gets a later id.
 */
export function withUserEvents(users: UserRepository, options: UserEventsOptions): UserRepository {
  const { clock, nextId, intents } = options;

  function tracked<T>(
    planned: Planned,
    write: () => Promise<T>,
    eventOf: (result: T, id: string) => UserEvent | null,
  ): Promise<T> {
    const started = clock.now();
    const id = nextId(started.getTime());
    return bracketed(
      intents,
      { ...planned, id, at: started.toISOString() },
      {
        write,
        eventsOf: (result) => {
          const event = eventOf(result, id);
          return event ? [event] : [];
        },
        record: (events) => recordEvents(options, events),
        onDeferred: (error, [event]) => event && options.onDeferred(error, event),
      },
    );
  }

  const eventOf = (id: string, orgId: string, type: UserEvent['type'], user: UserRecord) =>
    ({ id, orgId, type, userId: user.id, version: user.version, at: user.lastModified, user }) satisfies UserEvent;

  return {
    ...users,
    insert(orgId, user) {
      return tracked(
        { orgId, userId: user.id, kind: 'created', version: 1, from: null },
        () => users.insert(orgId, user),
        (created, id) => eventOf(id, orgId, 'created', created),
      );
    },
    updateIfVersion(orgId, userId, expectedVersion, changes) {
      // The write lands only at `expectedVersion`, whose status the caller read: no read here.
      const from = changes.previous.status;
      return tracked(
        { orgId, userId, kind: 'changed', version: expectedVersion + 1, from },
        () => users.updateIfVersion(orgId, userId, expectedVersion, changes),
        (after, id) => (after ? eventOf(id, orgId, lifecycleType(from, after.status), after) : null),
      );
    },
    async delete(orgId, userId, { now, expectedVersion, read }) {
      const lose = lostRaces(`user ${userId}`, { maxAttempts: MAX_DELETE_ATTEMPTS });
      for (let attempt = 0; ; attempt++) {
        // The caller's read serves the first attempt; a retry (the version moved) reads again.
        const before = attempt === 0 && read !== undefined ? read : await options.peek(orgId, userId);
        if (!before)
          return users.delete(orgId, userId, { now, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
        // Pinned to the version read, so the event's version is exact: a write that slips in
        // between makes this delete miss and read again, instead of both events sharing one version.
        const pinned = expectedVersion ?? before.version;
        const version = pinned + 1;
        const deleted = await tracked(
          { orgId, userId, kind: 'deleted', version, from: before.status },
          () => users.delete(orgId, userId, { now, expectedVersion: pinned }),
          (gone, id) =>
            gone ? { id, orgId, type: 'deleted', userId, version, at: now.toISOString(), user: null } : null,
        );
        if (deleted || expectedVersion !== undefined) return deleted;
        await lose();
      }
    },
  };
}
