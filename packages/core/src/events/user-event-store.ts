import type { UserEvent } from './user-event.ts';

/**
 * Durable storage of user events (a collection, never memory: a restart loses nothing).
 * Ids are UUIDv7 strings, so string order is time order.
 */
export interface UserEventStore {
  append(event: UserEvent): Promise<void>;
  /** Removes one event (a copy re-appended under a fresher id replaces it). */
  remove(orgId: string, id: string): Promise<void>;
  /** The org's events with `after < id < before`, oldest first, at most `limit`. */
  listBetween(orgId: string, range: { after: string; before: string; limit: number }): Promise<UserEvent[]>;
  /** Deletes up to `limit` events (any org) with an id below `before`; returns how many. */
  deleteBefore(before: string, limit: number): Promise<number>;
}
