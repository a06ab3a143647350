import type { ListPage, ListQuery } from '../users/filter-ast.ts';
import type { KeysetPage, KeysetQuery } from '../paging/keyset.ts';
import type { GroupAttributes, GroupMember } from './group-attributes.ts';
import type { GroupRecord, ResolvedMember } from './group-record.ts';

export type NewGroup = { id: string; attributes: GroupAttributes; now: Date };
export type GroupChanges = {
  attributes: GroupAttributes;
  now: Date;
  /**
   * The attributes the caller read and this write replaces: a change from them is a
   * `group.updated` event. Absent: a version bump after a member change (no group event).
   */
  previous?: GroupAttributes;
};
export type ReadOptions = { includeMembers?: boolean };

/** A membership change with member ids already checked against the org's users. */
export type ResolvedDelta = { add: ResolvedMember[]; remove: string[]; replaceAll: boolean };

/**
 * Storage of groups and their members, one org at a time. Members are rows of their own,
 * so adding or removing one is one atomic write however large the group.
 */
export interface GroupRepository {
  /** @throws AppError CONFLICT (`uniqueness`) when the displayName is taken (any case). */
  insert(orgId: string, group: NewGroup): Promise<GroupRecord>;
  findById(orgId: string, id: string, options?: ReadOptions): Promise<GroupRecord | null>;
  /** Conditional on the version, like UserRepository.updateIfVersion. */
  updateIfVersion(
    orgId: string,
    id: string,
    expectedVersion: number,
    changes: GroupChanges,
  ): Promise<GroupRecord | null>;
  /** Removes the group (only at `expectedVersion` when given), then its member rows. False when none was deleted. */
  delete(orgId: string, id: string, now: Date, expectedVersion?: number): Promise<boolean>;
  /**
   * With `includeMembers`, reads at most MAX_LISTED_MEMBERS + 1 member rows for the page:
   * @throws AppError BAD_REQUEST (`tooMany`, tooManyListedMembers) when its groups have more.
   */
  list(orgId: string, query: ListQuery & ReadOptions): Promise<ListPage<GroupRecord>>;
  /** A cursor page (RFC 9865), as UserRepository.listAfter; `includeMembers` as in `list`. */
  listAfter(orgId: string, query: KeysetQuery & ReadOptions): Promise<KeysetPage<GroupRecord>>;
  /** Removes `remove`, then upserts `add` (with `replaceAll`, everyone not in `add` goes). */
  applyMembership(orgId: string, groupId: string, delta: ResolvedDelta): Promise<void>;
  /**
   * Moves the version and lastModified on after the group's member rows changed, by the same
   * claimed conditional write as every other change (never clobbering a concurrent rename),
   * retried on a lost race. Calls for one group that overlap in this process share one write
   * that starts after they asked (group commit): member changes sent at once to one group
   * (as Okta and Entra send them) cost about one write per process instead of each
   * contending for the version. `seenVersion`, the version the caller read, is tried first.
   * Null when the group no longer exists.
   * @throws AppError CONFLICT when other writers kept taking the version.
   */
  bumpVersion(orgId: string, id: string, options: { now: Date; seenVersion?: number }): Promise<GroupRecord | null>;
  /** A page of members in a stable order (member id). */
  listMembers(
    orgId: string,
    groupId: string,
    window: { startIndex: number; count: number },
  ): Promise<ListPage<GroupMember>>;
}
