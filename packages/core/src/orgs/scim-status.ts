import type { Clock } from '../clock.ts';
import type { KeyRecord } from '../keys/key-record.ts';
import type { KeyRepository } from '../keys/key-repository.ts';
import { SCIM_KEY_RECENT_MS } from '../keys/revoke-owner-keys.ts';
import { getOrg } from './get-org.ts';
import type { OrgRepository } from './org-repository.ts';
import { scimAccessProblem } from './scim-access.ts';

export const SCIM_WARNING_CODES = [
  'scim_unavailable',
  'no_scim_key',
  'scim_key_owned_by_user',
  'saml_jit_with_scim',
  'scim_key_unused',
] as const;
export type ScimWarning = { code: (typeof SCIM_WARNING_CODES)[number]; keyId: string | null; message: string };

export type ScimStatus = { available: boolean; problem: string | null; scimKeys: KeyRecord[]; warnings: ScimWarning[] };

/** A key the IdP uses: one made for SCIM, or any key that has been used on /scim/v2. */
const isScimKey = (k: KeyRecord) => k.scopes.includes('scim') || k.lastScimUsedAt !== null;

const keyWarnings = (key: KeyRecord, now: number): ScimWarning[] => {
  const out: ScimWarning[] = [];
  if (key.ownerType === 'user') {
    out.push({
      code: 'scim_key_owned_by_user',
      keyId: key.id,
      message: `SCIM key ${key.id} is owned by user ${key.ownerId}: deprovisioning that person revokes it and stops provisioning. Create a service account, give it a 'scim' key, and paste that key into your IdP.`,
    });
  }
  const lastUse = key.lastScimUsedAt ? Date.parse(key.lastScimUsedAt) : Date.parse(key.created);
  if (now - lastUse >= SCIM_KEY_RECENT_MS) {
    out.push({
      code: 'scim_key_unused',
      keyId: key.id,
      message: `SCIM key ${key.id} has not been used for SCIM in 30 days: check the IdP's provisioning settings, or revoke the key.`,
    });
  }
  return out;
};

/** What stands between this org and reliable provisioning, before it bites. */
export async function getScimStatus(
  deps: { orgs: OrgRepository; keys: KeyRepository; clock: Clock },
  orgId: string,
): Promise<ScimStatus> {
  const org = await getOrg(deps, orgId);
  const problem = scimAccessProblem(org);
  const scimKeys = (await deps.keys.list(orgId, {})).filter(isScimKey);
  const now = deps.clock.now().getTime();
  const warnings: ScimWarning[] = [];
  if (problem) warnings.push({ code: 'scim_unavailable', keyId: null, message: problem });
  if (scimKeys.length === 0)
    warnings.push({
      code: 'no_scim_key',
      keyId: null,
      message:
        "There is no live key with the 'scim' scope: create a service account and a 'scim' key for it, then paste the key into your IdP.",
    });
  if (org.settings.scimEnabled && org.settings.samlJitEnabled) {
    warnings.push({
      code: 'saml_jit_with_scim',
      keyId: null,
      message:
        'SAML JIT ("Create people at their first sign-in" on the Single sign-on page) is on while SCIM is on: a sign-in through the IdP creates people SCIM never provisioned. Turn JIT off and provision through SCIM only.',
    });
  }
  for (const key of scimKeys) warnings.push(...keyWarnings(key, now));
  return { available: problem === null, problem, scimKeys, warnings };
}
