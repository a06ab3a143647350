import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from '../users/user-deps.ts';

export type DeleteGroupOptions = { orgId: string; id: string };

/**
 * The group document goes first (get is NOT_FOUND and the displayName is free at once;
 * users' `groups` ignore rows of a missing group), then its member rows. A repeated
 * delete is NOT_FOUND but still sweeps leftover rows.
 */
export async function deleteGroup(deps: Pick<DomainDeps, 'groups'>, { orgId, id }: DeleteGroupOptions): Promise<void> {
  if (!(await deps.groups.delete(orgId, id))) throw new AppError('NOT_FOUND', { message: `group ${id} not found` });
}
