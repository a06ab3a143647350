import type { OrgSchemaRecord } from '../org-schemas/org-schema-record.ts';
import type { ListPage, ListQuery } from './filter-ast.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { UserRole, UserSource, UserStatus } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import type { RoleGrant } from '../roles/group-role-map.ts';
import type { UserPageQuery } from './user-list-item.ts';
import type { KeysetPage, KeysetQuery } from '../paging/keyset.ts';

export type NewUser = {
  id: string;
  attributes: UserAttributes;
  status: UserStatus;
  source: UserSource;
  role: UserRole;
  passwordHash?: string;
  /** Set for a user created by signing in (`jit`). */
  acceptedAt?: Date;
  now: Date;
};

export type UserChanges = {
  attributes: UserAttributes;
  status: UserStatus;
  /**
   * The user at `expectedVersion`, as the caller read it: with the write conditional on
   * that version, it is the state this write replaces, so the lifecycle event type and the
   * audit diff are decided without reading the user again. Its groups are returned with the
   * written user (a user write never changes memberships), so they are not read again either.
   */
  previous: UserRecord;
  /** Replaces the stored hash when given; the hash is never read back through the port. */
  passwordHash?: string;
  /** Set once, when the user accepts their invite (invited → active). */
  acceptedAt?: Date;
  /** Replaces the role when given (a SCIM `roles` value that names one). */
  role?: UserRole;
  /** Replaces what gave the role when given (null: no group did); written by the group-role recompute. */
  roleGrant?: RoleGrant | null;
  now: Date;
};

export type UserRemoval = {
  now: Date;
  /** `If-Match`: delete only this version. */
  expectedVersion?: number;
  /**
   * The user as the caller just read it (null: not found), so the lifecycle event and the
   * audit diff are decided without another read; the delete is pinned to this version.
   */
  read?: UserRecord | null;
};

/** What narrows a listing besides the filter; `extensions` lets a filter name the org's extension attributes. */
export type UserNarrowing = { status?: UserStatus; text?: string; extensions?: readonly OrgSchemaRecord[] };

/**
 * Storage of users, one org at a time: every method takes the org first and never sees
 * another org's rows. Unique `userName` (case-insensitive) is enforced by storage.
 */
export interface UserRepository {
  /** @throws AppError CONFLICT (`uniqueness`) when the userName is taken in the org. */
  insert(orgId: string, user: NewUser): Promise<UserRecord>;
  /** `withGroups: false` leaves `groups` empty and saves reading them (for a caller that shows none). */
  findById(orgId: string, id: string, options?: { withGroups?: boolean }): Promise<UserRecord | null>;
  /** Status, role and version alone (no attributes, no group lookup): for checks on hot paths. */
  standing(orgId: string, id: string): Promise<{ status: UserStatus; role: UserRole; version: number } | null>;
  /**
   * Writes `changes` only if the stored version is still `expectedVersion`, bumping it.
   * Null when the user is gone or the version moved (the caller re-reads to tell which).
   * @throws AppError CONFLICT (`uniqueness`) when the new userName is taken.
   */
  updateIfVersion(orgId: string, id: string, expectedVersion: number, changes: UserChanges): Promise<UserRecord | null>;
  /**
   * Removes the user's group memberships, then the user (only at `expectedVersion` when
   * given). False when no user (at that version) was deleted.
   */
  delete(orgId: string, id: string, removal: UserRemoval): Promise<boolean>;
  /**
   * A SCIM-style page; `status` narrows it to users in that state (not a SCIM attribute, so not
   * in the filter); `text` to users having, for each word of it, a word of their names,
   * userName, emails or externalId that starts with it (the admin app's search box).
   */
  list(orgId: string, query: ListQuery & UserNarrowing): Promise<ListPage<UserRecord>>;
  /**
   * A cursor page (RFC 9865): the rows after `after` in the listing's order, read from that
   * position (never skipped to), with the same narrowing as `list`.
   */
  listAfter(orgId: string, query: KeysetQuery & UserNarrowing): Promise<KeysetPage<UserRecord>>;
  /** Users matching the exact filters with an id above `after`, in id order, at most `limit` (keyset paging). */
  page(orgId: string, query: UserPageQuery): Promise<UserRecord[]>;
  /** The labels (displayName, else userName) of those of `ids` that are users of the org; any number of ids. */
  labelsOf(orgId: string, ids: readonly string[]): Promise<Map<string, string>>;
}
