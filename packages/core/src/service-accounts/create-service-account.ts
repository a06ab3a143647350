import type { Clock } from '../clock.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import type { ServiceAccountRecord } from './service-account-record.ts';
import type { ServiceAccountRepository } from './service-account-repository.ts';

export type CreateServiceAccountOptions = {
  orgId: string;
  /** Unique in the org, e.g. `scim-provisioning`. */
  name: string;
  description?: string;
};

export async function createServiceAccount(
  deps: { serviceAccounts: ServiceAccountRepository; clock: Clock },
  { orgId, name, description }: CreateServiceAccountOptions,
): Promise<ServiceAccountRecord> {
  const now = deps.clock.now();
  return deps.serviceAccounts.insert(orgId, {
    id: uuidV7(now.getTime()),
    name: name.trim(),
    ...(description ? { description } : {}),
    now,
  });
}
