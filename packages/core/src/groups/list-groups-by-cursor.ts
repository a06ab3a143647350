import { cursorCount, cursorPage } from '../paging/cursor-page.ts';
import type { CursorDeps, CursorPage } from '../paging/cursor-page.ts';
import type { FilterNode, SortOrder } from '../users/filter-ast.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { GroupRecord } from './group-record.ts';

export type ListGroupsByCursorOptions = {
  orgId: string;
  filter?: FilterNode;
  sortBy?: string;
  sortOrder?: SortOrder;
  /** `nextCursor` of the previous page; '' for the first. */
  cursor: string;
  count?: number;
  includeMembers?: boolean;
};

/** RFC 9865 cursor paging of the org's groups: as listUsersByCursor (members do not bind the cursor). */
export function listGroupsByCursor(
  deps: Pick<DomainDeps, 'groups'> & CursorDeps,
  options: ListGroupsByCursorOptions,
): Promise<CursorPage<GroupRecord>> {
  const { orgId, filter, sortBy, sortOrder, cursor, includeMembers = false } = options;
  const count = cursorCount(options.count);
  const order = sortBy ? { sortBy, sortOrder: sortOrder ?? 'ascending' } : sortOrder ? { sortOrder } : {};
  return cursorPage(deps, {
    scope: { orgId, listing: 'groups', query: { filter, ...order } },
    cursor,
    read: (after, { withTotal }) =>
      deps.groups.listAfter(orgId, {
        filter,
        ...order,
        count,
        withTotal,
        includeMembers,
        ...(after ? { after } : {}),
      }),
  });
}
