import { systemClock } from '@provisio/core';
import type { UserRepository } from '@provisio/core';
import { createEventIdGenerator, withUserEvents } from '@provisio/core/events';
import type { UserEvent } from '@provisio/core/events';
import type { Connection, Model } from 'mongoose';
import { registerUserEventIntentModel } from './user-event-intent-model.ts';
import type { UserEventIntentDoc } from './user-event-intent-model.ts';
import { createUserEventIntentStore } from './user-event-intent-store.ts';
import { registerUserEventModel } from './user-event-model.ts';
import type { UserEventDoc } from './user-event-model.ts';
import { createUserEventStore } from './user-event-store.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { createDeleteBatch } from '../writes/delete-batch.ts';

export const registerEventModels = (connection: Connection) => ({
  userEvents: registerUserEventModel(connection),
  userEventIntents: registerUserEventIntentModel(connection),
});

export type EventStoreOptions = {
  /** Called when a user write succeeded but its event could not be stored yet (the intent sweep will). Default: a process warning. */
  onDeferredEvent?: (error: unknown, event: UserEvent) => void;
};

type EventModels = { userEvents: Model<UserEventDoc>; userEventIntents: Model<UserEventIntentDoc> };

/**
 * The event stores, and the user repository wrapped so that every write records its event.
 * Event ids use the real clock: they order events across processes.
 */
export function createEventStores(
  models: EventModels,
  users: UserRepository,
  options: EventStoreOptions = {},
  reads: { sql?: SqlReads } = {},
) {
  const stored = createUserEventStore(models.userEvents, reads);
  // Whoever must react to new events (the webhook wake) listens here: every path that stores one passes through.
  const listeners = new Set<(event: UserEvent) => void>();
  const userEvents: typeof stored = {
    ...stored,
    async append(event) {
      await stored.append(event);
      for (const listener of listeners) listener(event);
    },
  };
  const onUserEventStored = (listener: (event: UserEvent) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  // A failed batch of closes leaves open intents: the sweep settles them (an event recorded twice at worst).
  const intentCloses = createDeleteBatch(models.userEventIntents.collection);
  const userEventIntents = createUserEventIntentStore(models.userEventIntents, intentCloses);
  const nextEventId = createEventIdGenerator();
  const onDeferred =
    options.onDeferredEvent ??
    ((error: unknown, event: UserEvent) =>
      process.emitWarning(
        `user event deferred to the intent sweep (${event.type} ${event.userId} v${event.version}): ${String(error)}`,
      ));
  return {
    userEvents,
    onUserEventStored,
    userEventIntents,
    intentCloses,
    nextEventId,
    users: withUserEvents(users, {
      events: userEvents,
      intents: userEventIntents,
      clock: systemClock,
      nextId: nextEventId,
      peek: (orgId, id) => users.standing(orgId, id),
      onDeferred,
    }),
  };
}
