import type { OrgSchemaRecord } from '../org-schemas/org-schema-record.ts';
import { cursorCount, cursorPage } from '../paging/cursor-page.ts';
import type { CursorDeps, CursorPage } from '../paging/cursor-page.ts';
import type { FilterNode, SortOrder } from './filter-ast.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserStatus } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';

export type ListUsersByCursorOptions = {
  orgId: string;
  filter?: FilterNode;
  status?: UserStatus;
  text?: string;
  /** The org's active extension schemas: a filter may name their attributes. */
  extensions?: readonly OrgSchemaRecord[];
  sortBy?: string;
  sortOrder?: SortOrder;
  /** `nextCursor` of the previous page; '' for the first. */
  cursor: string;
  count?: number;
};

/**
 * RFC 9865 cursor paging of the org's users, in the same order as index paging. Each page
 * continues after the last row of the previous one (keyset, never an offset), so a user present
 * for the whole walk is seen exactly once, whatever is created or deleted meanwhile.
 */
export function listUsersByCursor(
  deps: Pick<DomainDeps, 'users'> & CursorDeps,
  options: ListUsersByCursorOptions,
): Promise<CursorPage<UserRecord>> {
  const { orgId, filter, status, text, sortBy, sortOrder, cursor, extensions } = options;
  const count = cursorCount(options.count);
  const order = sortBy ? { sortBy, sortOrder: sortOrder ?? 'ascending' } : sortOrder ? { sortOrder } : {};
  const scope = { orgId, listing: 'users', query: { filter, status, text, ...order } };
  return cursorPage(deps, {
    scope,
    cursor,
    read: (after, { withTotal }) =>
      deps.users.listAfter(orgId, {
        filter,
        ...order,
        count,
        withTotal,
        ...(after ? { after } : {}),
        ...(status ? { status } : {}),
        ...(text ? { text } : {}),
        ...(extensions?.length ? { extensions } : {}),
      }),
  });
}
