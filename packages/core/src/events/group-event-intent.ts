import type { GroupAttributes } from '../groups/group-attributes.ts';

/**
 * A group write about to be made, stored before it (as UserEventIntent): an intent left open
 * means "this write may have happened without its events"; recordOpenGroupEvents settles it
 * by looking at the group and its members as they are.
 */
export type GroupEventIntent = {
  /** The first event id, taken before the write. */
  id: string;
  orgId: string;
  groupId: string;
  kind: 'created' | 'updated' | 'deleted' | 'membership';
  /** The group's version after a `created`/`updated` write (deleted: the last version + 1); 0 for `membership`. */
  version: number;
  /** `updated`: the attributes the write replaced (no change from them now: nothing is owed). */
  from: GroupAttributes | null;
  /** `membership`: the users the write adds and removes (at most MEMBERSHIP_CHUNK in all). */
  added: string[];
  removed: string[];
  /** When the write was started (ISO-8601). */
  at: string;
};

/** Durable storage of open group intents (the same contract as UserEventIntentStore). */
export interface GroupEventIntentStore {
  open(intent: GroupEventIntent): Promise<void>;
  close(orgId: string, id: string): Promise<void>;
  closeSoon(orgId: string, id: string): void;
  listBefore(before: string, limit: number): Promise<GroupEventIntent[]>;
}
