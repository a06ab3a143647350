import { systemClock } from '@provisio/core';
import type { UserRepository } from '@provisio/core';
import { createEventIdGenerator, withUserEvents } from '@provisio/core/events';
import type { UserEvent } from '@provisio/core/events';
import type { Connection, Model } from 'mongoose';
import type { UserDoc } from '../users/user-model.ts';
import { registerUserEventModel } from './user-event-model.ts';
import type { UserEventDoc } from './user-event-model.ts';
import { createUserEventStore } from './user-event-store.ts';

export const registerEventModels = (connection: Connection) => ({ userEvents: registerUserEventModel(connection) });

export type EventStoreOptions = {
  /** Called when a user write succeeded but its event could not be stored. Default: rethrown nowhere, written to stderr. */
  onLostEvent?: (error: unknown, event: UserEvent) => void;
};

/**
 * The event store, and the user repository wrapped so that every write records its event.
 * Event ids use the real clock: they order events across processes.
 */
export function createEventStores(models: { userEvents: Model<UserEventDoc>; users: Model<UserDoc> }, users: UserRepository, options: EventStoreOptions = {}) {
  const userEvents = createUserEventStore(models.userEvents);
  const peek = async (orgId: string, id: string) => models.users.findOne({ _id: id, orgId }, { status: 1, version: 1 }).lean<Pick<UserDoc, 'status' | 'version'>>();
  const onLost = options.onLostEvent ?? ((error: unknown, event: UserEvent) => process.emitWarning(`user event lost (${event.type} ${event.userId} v${event.version}): ${String(error)}`));
  return {
    userEvents,
    users: withUserEvents(users, { events: userEvents, clock: systemClock, nextId: createEventIdGenerator(), peek, onLost }),
  };
}
