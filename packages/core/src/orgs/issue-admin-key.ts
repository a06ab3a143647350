import { normaliseKey } from '../users/normalise-key.ts';
import { createKey } from '../keys/create-key.ts';
import type { CreatedKey } from '../keys/create-key.ts';
import type { KeyDeps } from '../keys/key-deps.ts';
import { createServiceAccount } from '../service-accounts/create-service-account.ts';
import type { OrgRepository } from './org-repository.ts';
import { getOrg } from './get-org.ts';

/** The service account that owns bootstrap admin keys. */
export const ADMIN_SERVICE_ACCOUNT_NAME = 'org-admin';

/**
 * Break-glass for the platform admin: an `admin` key for an org, owned by the `org-admin`
 * service account (created on first use). Without it no key could ever manage a new org,
 * since only admin keys create keys. Every call issues a new key; old ones stay until revoked.
 */
export async function issueAdminKey(
  deps: KeyDeps & { orgs: OrgRepository },
  { orgId, name = 'admin' }: { orgId: string; name?: string },
): Promise<CreatedKey> {
  await getOrg(deps, orgId);
  const existing = (await deps.serviceAccounts.list(orgId)).find(
    (a) => normaliseKey(a.name) === ADMIN_SERVICE_ACCOUNT_NAME,
  );
  const owner =
    existing ??
    (await createServiceAccount(deps, {
      orgId,
      name: ADMIN_SERVICE_ACCOUNT_NAME,
      description: 'Owns admin keys issued by the platform admin.',
    }));
  return createKey(deps, { orgId, name, ownerType: 'service_account', ownerId: owner.id, scopes: ['admin'] });
}
