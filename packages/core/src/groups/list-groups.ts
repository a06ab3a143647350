import type { FilterNode, ListPage, SortOrder } from '../users/filter-ast.ts';
import { pageWindow } from '../users/page-window.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { GroupRecord } from './group-record.ts';

export type ListGroupsOptions = {
  orgId: string;
  filter?: FilterNode;
  sortBy?: string;
  sortOrder?: SortOrder;
  startIndex?: number;
  count?: number;
  /** Default false: a page of large groups would be huge (Entra asks `excludedAttributes=members`). */
  includeMembers?: boolean;
};

export async function listGroups(
  deps: Pick<DomainDeps, 'groups'>,
  options: ListGroupsOptions,
): Promise<ListPage<GroupRecord>> {
  const { orgId, filter, sortBy, sortOrder, includeMembers = false } = options;
  return deps.groups.list(orgId, { filter, sortBy, sortOrder, includeMembers, ...pageWindow(options) });
}
