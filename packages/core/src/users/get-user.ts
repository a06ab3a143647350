import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRecord } from './user-record.ts';

export type GetUserOptions = {
  orgId: string;
  id: string;
  /** False when the caller shows no `groups` (SCIM `attributes`/`excludedAttributes`): they are left empty, unread. */
  withGroups?: boolean;
};

/** Another org's id is NOT_FOUND exactly like an id that never existed. */
export async function getUser(
  deps: Pick<DomainDeps, 'users'>,
  { orgId, id, withGroups = true }: GetUserOptions,
): Promise<UserRecord> {
  const user = await deps.users.findById(orgId, id, { withGroups });
  if (!user) throw new AppError('NOT_FOUND', { message: `user ${id} not found` });
  return user;
}
