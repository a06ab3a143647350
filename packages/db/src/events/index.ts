import { systemClock } from '@provisio/core';
import type { GroupRepository, UserRepository } from '@provisio/core';
import { createEventIdGenerator, withGroupEvents, withUserEvents } from '@provisio/core/events';
import type { EventLogStore, GroupEvent, GroupEventIntent, UserEvent, UserEventIntent } from '@provisio/core/events';
import type { Connection, Model } from 'mongoose';
import { memberIdsOf } from '../groups/member-lookups.ts';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import { registerGroupEventIntentModel } from './group-event-intent-model.ts';
import type { GroupEventIntentDoc } from './group-event-intent-model.ts';
import { registerGroupEventModel } from './group-event-model.ts';
import type { GroupEventDoc } from './group-event-model.ts';
import { createIntentStore } from './intent-store.ts';
import { registerUserEventIntentModel } from './user-event-intent-model.ts';
import type { UserEventIntentDoc } from './user-event-intent-model.ts';
import { registerUserEventModel } from './user-event-model.ts';
import type { UserEventDoc } from './user-event-model.ts';
import { createEventLogStore } from './event-log-store.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { createDeleteBatch } from '../writes/delete-batch.ts';

export const registerEventModels = (connection: Connection) => ({
  userEvents: registerUserEventModel(connection),
  userEventIntents: registerUserEventIntentModel(connection),
  groupEvents: registerGroupEventModel(connection),
  groupEventIntents: registerGroupEventIntentModel(connection),
});

export type EventStoreOptions = {
  /**
   * Called when a write succeeded but its event could not be stored yet (the intent sweep will);
   * for a group write, with its first event. Default: a process warning.
   */
  onDeferredEvent?: (error: unknown, event: UserEvent | GroupEvent) => void;
};

type EventModels = {
  userEvents: Model<UserEventDoc>;
  userEventIntents: Model<UserEventIntentDoc>;
  groupEvents: Model<GroupEventDoc>;
  groupEventIntents: Model<GroupEventIntentDoc>;
  groupMembers: Model<GroupMemberDoc>;
};

/** Calls the listeners after each append: whoever must react to new events (the webhook wake) listens here. */
function announcing<E extends { id: string; orgId: string }>(
  store: EventLogStore<E>,
  listeners: Set<(event: { orgId: string }) => void>,
): EventLogStore<E> {
  return {
    ...store,
    async append(events) {
      await store.append(events);
      const orgId = events[0]?.orgId;
      if (orgId !== undefined) for (const listener of listeners) listener({ orgId });
    },
  };
}

/**
 * The event stores, and the user and group repositories wrapped so that every write records
 * its events (user_events; group_events, a sibling log: see ARCHITECTURE.md). Event ids use
 * the real clock: they order events across processes and across the two logs.
 */
export function createEventStores(
  models: EventModels,
  repositories: { users: UserRepository; groups: GroupRepository },
  options: EventStoreOptions = {},
  reads: { sql?: SqlReads } = {},
) {
  const { users, groups } = repositories;
  // Every path that stores an event passes through these stores.
  const listeners = new Set<(event: { orgId: string }) => void>();
  const userEvents = announcing(createEventLogStore<UserEvent, UserEventDoc>(models.userEvents, reads), listeners);
  const groupEvents = announcing(createEventLogStore<GroupEvent, GroupEventDoc>(models.groupEvents, reads), listeners);
  /** Calls `listener` after each stored event of either log (not awaited; it must not throw); returns the unsubscribe. */
  const onEventStored = (listener: (event: { orgId: string }) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  // A failed batch of closes leaves open intents: the sweep settles them (an event recorded twice at worst).
  const intentCloses = createDeleteBatch(models.userEventIntents.collection);
  const groupIntentCloses = createDeleteBatch(models.groupEventIntents.collection);
  const userEventIntents = createIntentStore<UserEventIntent>(models.userEventIntents, intentCloses);
  const groupEventIntents = createIntentStore<GroupEventIntent>(models.groupEventIntents, groupIntentCloses);
  const nextEventId = createEventIdGenerator();
  const onDeferred =
    options.onDeferredEvent ??
    ((error: unknown, event: UserEvent | GroupEvent) =>
      process.emitWarning(
        `event deferred to the intent sweep (${event.type} ${'groupId' in event ? event.groupId : event.userId}): ${String(error)}`,
      ));
  return {
    userEvents,
    groupEvents,
    onEventStored,
    userEventIntents,
    groupEventIntents,
    /** Flushes the batched intent closes of both logs. */
    flushIntentCloses: () => Promise.all([intentCloses.flush(), groupIntentCloses.flush()]).then(() => undefined),
    nextEventId,
    users: withUserEvents(users, {
      events: userEvents,
      intents: userEventIntents,
      clock: systemClock,
      nextId: nextEventId,
      peek: (orgId, id) => users.standing(orgId, id),
      onDeferred,
    }),
    groups: withGroupEvents(groups, {
      events: groupEvents,
      intents: groupEventIntents,
      clock: systemClock,
      nextId: nextEventId,
      memberIds: (orgId, groupId) => memberIdsOf(models.groupMembers, orgId, groupId),
      onDeferred: (error, events) => events[0] && onDeferred(error, events[0]),
    }),
  };
}
