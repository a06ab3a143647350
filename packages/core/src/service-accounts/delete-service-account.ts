import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { KeyRecord } from '../keys/key-record.ts';
import type { KeyRepository } from '../keys/key-repository.ts';
import type { ServiceAccountRepository } from './service-account-repository.ts';

/** Removes a service account; its keys are revoked first, so none outlives its owner. */
export async function deleteServiceAccount(
  deps: { serviceAccounts: ServiceAccountRepository; keys: KeyRepository; clock: Clock },
  { orgId, id }: { orgId: string; id: string },
): Promise<{ revoked: KeyRecord[] }> {
  if (!(await deps.serviceAccounts.findById(orgId, id)))
    throw new AppError('NOT_FOUND', { message: `service account ${id} not found` });
  const revoked = await deps.keys.revokeByOwner(orgId, id, { reason: 'owner_deleted', now: deps.clock.now() });
  await deps.serviceAccounts.delete(orgId, id);
  return { revoked };
}
