import type { OrgRecord } from './org-record.ts';
import { SCIM_PLANS } from './org-record.ts';

export const scimIncludedIn = (plan: OrgRecord['plan']): boolean => SCIM_PLANS.includes(plan);

/**
 * Why this org may not use SCIM right now, phrased for the IdP admin reading the 403
 * (what is wrong and what to do), or null when SCIM is open.
 */
export function scimAccessProblem(org: Pick<OrgRecord, 'plan' | 'settings'> | null): string | null {
  if (!org) return 'This key belongs to an org that no longer exists.';
  if (!scimIncludedIn(org.plan)) {
    return `SCIM provisioning is not included in the ${org.plan} plan (plans with SCIM: ${SCIM_PLANS.join(', ')}). Upgrade the org's plan to use SCIM.`;
  }
  if (!org.settings.scimEnabled) {
    return 'SCIM provisioning is disabled for this org. An org admin can enable it in the org settings (scimEnabled).';
  }
  return null;
}
