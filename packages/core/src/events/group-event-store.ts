import type { GroupEvent } from './group-event.ts';

/** Durable storage of group events, as UserEventStore; appends and removals take many (a PUT's member diff). */
export interface GroupEventStore {
  append(events: GroupEvent[]): Promise<void>;
  /** Removes events of one org (copies re-appended under fresher ids replace them). */
  remove(orgId: string, ids: string[]): Promise<void>;
  /** The org's events with `after < id < before`, oldest first, at most `limit`. */
  listBetween(orgId: string, range: { after: string; before: string; limit: number }): Promise<GroupEvent[]>;
  /** Deletes up to `limit` events (any org) with an id below `before`; returns how many. */
  deleteBefore(before: string, limit: number): Promise<number>;
}
