import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from '../users/user-deps.ts';

export type DeleteGroupOptions = { orgId: string; id: string; ifMatchVersion?: number };

/**
 * The group document goes first (get is NOT_FOUND and the displayName is free at once;
 * users' `groups` ignore rows of a missing group), then its member rows. A repeated
 * delete is NOT_FOUND but still sweeps leftover rows.
 */
export async function deleteGroup(
  deps: Pick<DomainDeps, 'groups' | 'clock'>,
  { orgId, id, ifMatchVersion }: DeleteGroupOptions,
): Promise<void> {
  if (await deps.groups.delete(orgId, id, deps.clock.now(), ifMatchVersion)) return;
  const current = ifMatchVersion !== undefined ? await deps.groups.findById(orgId, id) : null;
  if (current)
    throw new AppError('PRECONDITION_FAILED', {
      message: `group ${id} is at version ${current.version}, not ${ifMatchVersion}`,
    });
  throw new AppError('NOT_FOUND', { message: `group ${id} not found` });
}
