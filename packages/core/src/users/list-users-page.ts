import { decodeUserCursor, encodeUserCursor } from './user-cursor.ts';
import type { DomainDeps } from './user-deps.ts';
import { toUserListItem } from './user-list-item.ts';
import type { UserListFilters, UserListItem } from './user-list-item.ts';

export const DEFAULT_USER_PAGE = 100;

export type ListUsersPageOptions = {
  orgId: string;
  filters: UserListFilters;
  /** `nextCursor` of the previous page (same filters); omitted for the first page. */
  cursor?: string;
  /** 1..500, default 100. */
  limit?: number;
};

/**
 * Keyset pagination on the time-ordered UUIDv7 id: a page continues after the last id of
 * the previous one, so users created meanwhile never shift or repeat rows (they appear at
 * the end), unlike SCIM's startIndex.
 */
export async function listUsersPage(
  deps: Pick<DomainDeps, 'users'>,
  options: ListUsersPageOptions,
): Promise<{ items: UserListItem[]; nextCursor: string | null }> {
  const { orgId, filters, limit = DEFAULT_USER_PAGE } = options;
  const after = options.cursor ? decodeUserCursor(options.cursor, filters) : undefined;
  const rows = await deps.users.page(orgId, { ...filters, ...(after ? { after } : {}), limit: limit + 1 });
  const items = rows.slice(0, limit).map(toUserListItem);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeUserCursor(last.id, filters) : null };
}
