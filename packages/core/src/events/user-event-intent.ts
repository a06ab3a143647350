import type { UserStatus } from '../users/user-enums.ts';

/**
 * A user write about to be made, stored before it. No multi-document transactions (FerretDB,
 * and our rule), so the user write and its event cannot commit together: an intent left
 * open means "this write may have happened without its event", and the intent sweep settles
 * it by looking at the user (see recordOpenUserEvents).
 */
export type UserEventIntent = {
  /** The event id, taken before the write (it orders this write after the ones it read). */
  id: string;
  orgId: string;
  userId: string;
  kind: 'created' | 'changed' | 'deleted';
  /** The user's version after the write (for `deleted`: the last version + 1). */
  version: number;
  /** The status before a `changed` write, when the write was made from it; null otherwise. */
  from: UserStatus | null;
  /** When the write was started (ISO-8601). */
  at: string;
};

/** Durable storage of open intents: a small collection, only writes in flight or abandoned. */
export interface UserEventIntentStore {
  open(intent: UserEventIntent): Promise<void>;
  close(orgId: string, id: string): Promise<void>;
  /**
   * Closes it soon, together with other writes' intents (one round trip for many); for a
   * write whose event is stored, where nothing waits for the close: if it is lost, the
   * sweep records the event once more (readers de-duplicate on userId + version).
   */
  closeSoon(orgId: string, id: string): void;
  /** Open intents (any org) with an id below `before`, oldest first, at most `limit`. */
  listBefore(before: string, limit: number): Promise<UserEventIntent[]>;
}
