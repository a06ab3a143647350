import type { EventLogStore } from './event-log-store.ts';
import type { GroupEvent } from './group-event.ts';

/** The group and membership log (a PUT's member diff appends many at once). */
export type GroupEventStore = EventLogStore<GroupEvent>;
