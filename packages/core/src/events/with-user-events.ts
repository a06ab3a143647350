import type { Clock } from '../clock.ts';
import type { UserStatus } from '../users/user-enums.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { UserRepository } from '../users/user-repository.ts';
import { lifecycleType } from './lifecycle-type.ts';
import { recordUserEvent } from './record-user-event.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventStore } from './user-event-store.ts';

export type UserEventsOptions = {
  events: UserEventStore;
  clock: Clock;
  nextId: (now: number) => string;
  /** The stored status and version of a user (a cheap read), for the event type. */
  peek(orgId: string, id: string): Promise<{ status: UserStatus; version: number } | null>;
  /** The user write succeeded but its event could not be stored (the database failed in between). */
  onLost(error: unknown, event: UserEvent): void;
};

/**
 * The user repository, recording a lifecycle event after every write that took effect.
 * Wrapping the port (not the SCIM adapter or a procedure) covers every path that changes
 * a user: SCIM, tRPC, invite acceptance, the worker. The event id is taken before the
 * write, so a later writer of the same user (which had to read this write first) gets a
 * later id.
 */
export function withUserEvents(users: UserRepository, options: UserEventsOptions): UserRepository {
  const { clock, nextId } = options;
  const record = async (event: UserEvent) => {
    try {
      await recordUserEvent(options, event);
    } catch (error) {
      options.onLost(error, event);
    }
  };
  const eventOf = (id: string, orgId: string, type: UserEvent['type'], user: UserRecord) =>
    ({ id, orgId, type, userId: user.id, version: user.version, at: user.lastModified, user }) satisfies UserEvent;

  return {
    ...users,
    async insert(orgId, user) {
      const id = nextId(clock.now().getTime());
      const created = await users.insert(orgId, user);
      await record(eventOf(id, orgId, 'created', created));
      return created;
    },
    async updateIfVersion(orgId, userId, expectedVersion, changes) {
      const before = await options.peek(orgId, userId);
      const id = nextId(clock.now().getTime());
      const after = await users.updateIfVersion(orgId, userId, expectedVersion, changes);
      if (!after) return after;
      const from = before?.version === expectedVersion ? before.status : after.status;
      await record(eventOf(id, orgId, lifecycleType(from, after.status), after));
      return after;
    },
    async delete(orgId, userId, now, expectedVersion) {
      const before = await options.peek(orgId, userId);
      const id = nextId(clock.now().getTime());
      const deleted = await users.delete(orgId, userId, now, expectedVersion);
      if (deleted && before) {
        await record({ id, orgId, type: 'deleted', userId, version: before.version + 1, at: now.toISOString(), user: null });
      }
      return deleted;
    },
  };
}
