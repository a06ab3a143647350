import type { Clock } from '../clock.ts';
import { createKey } from '../keys/create-key.ts';
import type { CreatedKey } from '../keys/create-key.ts';
import type { KeyDeps } from '../keys/key-deps.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { createServiceAccount } from '../service-accounts/create-service-account.ts';
import type { ServiceAccountRecord } from '../service-accounts/service-account-record.ts';
import type { OrgPlan, OrgRecord, OrgSettings } from './org-record.ts';
import type { OrgRepository } from './org-repository.ts';

/** The service account `org create` makes for the IdP, as the imitated product recommends. */
export const SCIM_SERVICE_ACCOUNT_NAME = 'scim-provisioning';

export type ProvisionOrgOptions = {
  name: string;
  plan: OrgPlan;
  settings?: Partial<OrgSettings>;
};

export type ProvisionedOrg = { org: OrgRecord; serviceAccount: ServiceAccountRecord; scimKey: CreatedKey };

/**
 * A new org ready for an IdP: the org (SCIM enabled), a `scim-provisioning` service
 * account, and a `scim`-scoped key it owns. Three documents and no transactions, so the
 * order is chosen for crashes: org, then account, then key last. A crash leaves at worst
 * an org with no key (the key is the only usable part, and it never exists without its
 * owner), which `org.scimStatus` reports as "no SCIM key" and an admin key fixes.
 */
export async function provisionOrg(
  deps: KeyDeps & { orgs: OrgRepository; clock: Clock },
  options: ProvisionOrgOptions,
): Promise<ProvisionedOrg> {
  const now = deps.clock.now();
  const org = await deps.orgs.insert({
    id: uuidV7(now.getTime()),
    name: options.name.trim(),
    plan: options.plan,
    settings: { scimEnabled: true, ...options.settings },
    now,
  });
  const serviceAccount = await createServiceAccount(deps, {
    orgId: org.id,
    name: SCIM_SERVICE_ACCOUNT_NAME,
    description: 'Owns the key your identity provider uses for SCIM; deprovisioning a person never revokes it.',
  });
  const scimKey = await createKey(deps, {
    orgId: org.id,
    name: 'scim',
    ownerType: 'service_account',
    ownerId: serviceAccount.id,
    scopes: ['scim'],
  });
  return { org, serviceAccount, scimKey };
}
