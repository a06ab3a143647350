import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { GroupRecord } from './group-record.ts';

export type GetGroupOptions = { orgId: string; id: string; includeMembers?: boolean };

export async function getGroup(
  deps: Pick<DomainDeps, 'groups'>,
  { orgId, id, includeMembers = true }: GetGroupOptions,
): Promise<GroupRecord> {
  const group = await deps.groups.findById(orgId, id, { includeMembers });
  if (!group) throw new AppError('NOT_FOUND', { message: `group ${id} not found` });
  return group;
}
