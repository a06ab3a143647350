import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from './user-deps.ts';

export type DeleteUserOptions = { orgId: string; id: string; ifMatchVersion?: number };

/**
 * A real removal: afterwards get is NOT_FOUND and the userName is free. Memberships go
 * first, so a crash half-way leaves a user with fewer groups, never a dangling member;
 * a repeated delete is NOT_FOUND (RFC 7644) but still sweeps leftover memberships. The
 * groups it left get a new version.
 */
export async function deleteUser(deps: DomainDeps, { orgId, id, ifMatchVersion }: DeleteUserOptions): Promise<void> {
  const before = await deps.users.findById(orgId, id);
  if (
    await deps.users.delete(orgId, id, {
      now: deps.clock.now(),
      ...(ifMatchVersion !== undefined ? { expectedVersion: ifMatchVersion } : {}),
      read: before,
    })
  ) {
    for (const group of before?.groups ?? [])
      await deps.groups.bumpVersion(orgId, group.value, { now: deps.clock.now() });
    return;
  }
  const current = ifMatchVersion !== undefined ? await deps.users.findById(orgId, id) : null;
  if (current)
    throw new AppError('PRECONDITION_FAILED', {
      message: `user ${id} is at version ${current.version}, not ${ifMatchVersion}`,
    });
  throw new AppError('NOT_FOUND', { message: `user ${id} not found` });
}
