import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { OrgPlan, OrgRecord } from './org-record.ts';
import type { OrgRepository } from './org-repository.ts';

export type SetOrgPlanOptions = {
  orgId: string;
  plan: OrgPlan;
};

/** A platform operation. Leaving a SCIM plan does not revoke keys: SCIM calls just get 403 until it is back. */
export async function setOrgPlan(
  deps: { orgs: OrgRepository; clock: Clock },
  { orgId, plan }: SetOrgPlanOptions,
): Promise<OrgRecord> {
  const org = await deps.orgs.setPlan(orgId, plan, deps.clock.now());
  if (!org) throw new AppError('NOT_FOUND', { message: `org ${orgId} not found` });
  return org;
}
