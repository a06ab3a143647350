/**
 * Durable storage of one event log (`user_events`, `group_events`; a collection, never
 * memory: a restart loses nothing). Ids are UUIDv7 strings, so string order is time order.
 */
export interface EventLogStore<E extends { id: string; orgId: string }> {
  /** Appends the events of one write (a group write may have many), in id order. */
  append(events: E[]): Promise<void>;
  /** Removes events of one org (copies re-appended under fresher ids replace them). */
  remove(orgId: string, ids: string[]): Promise<void>;
  /** The org's events with `after < id < before`, oldest first, at most `limit`. */
  listBetween(orgId: string, range: { after: string; before: string; limit: number }): Promise<E[]>;
  /** Deletes up to `limit` events (any org) with an id below `before`; returns how many. */
  deleteBefore(before: string, limit: number): Promise<number>;
}
