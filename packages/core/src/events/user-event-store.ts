import type { EventLogStore } from './event-log-store.ts';
import type { UserEvent } from './user-event.ts';

/** The user lifecycle log. */
export type UserEventStore = EventLogStore<UserEvent>;
