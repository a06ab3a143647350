import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import { pageWindow } from '../users/page-window.ts';
import type { ListPage } from '../users/filter-ast.ts';
import type { GroupMember } from './group-attributes.ts';

export type ListGroupMembersOptions = { orgId: string; id: string; startIndex?: number; count?: number };

/** Members a page at a time (ordered by member id), for groups too large to render whole. */
export async function listGroupMembers(
  deps: Pick<DomainDeps, 'groups'>,
  options: ListGroupMembersOptions,
): Promise<ListPage<GroupMember>> {
  const { orgId, id } = options;
  if (!(await deps.groups.findById(orgId, id))) throw new AppError('NOT_FOUND', { message: `group ${id} not found` });
  return deps.groups.listMembers(orgId, id, pageWindow(options));
}
