import type { OrgSchemaRecord } from '../org-schemas/org-schema-record.ts';
import type { FilterNode, ListPage, SortOrder } from './filter-ast.ts';
import { pageWindow } from './page-window.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserStatus } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';

export type ListUsersOptions = {
  orgId: string;
  /** A parsed SCIM filter; unknown attributes are refused by storage (invalidFilter). */
  filter?: FilterNode;
  /** Only users in this state (admin views: who has not accepted an invite yet). */
  status?: UserStatus;
  /** Word-prefix search over names, userName, emails and externalId (see UserRepository.list). */
  text?: string;
  /** The org's active extension schemas: a filter may name their attributes. */
  extensions?: readonly OrgSchemaRecord[];
  sortBy?: string;
  sortOrder?: SortOrder;
  startIndex?: number;
  count?: number;
};

/** A stable page: always ordered (by `sortBy` then id, or by id = creation order). */
export async function listUsers(
  deps: Pick<DomainDeps, 'users'>,
  options: ListUsersOptions,
): Promise<ListPage<UserRecord>> {
  const { orgId, filter, status, text, sortBy, sortOrder, extensions } = options;
  return deps.users.list(orgId, {
    filter,
    sortBy,
    sortOrder,
    ...(status ? { status } : {}),
    ...(text ? { text } : {}),
    ...(extensions?.length ? { extensions } : {}),
    ...pageWindow(options),
  });
}
