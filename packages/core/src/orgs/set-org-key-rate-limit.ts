import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { OrgRecord } from './org-record.ts';
import type { OrgRepository } from './org-repository.ts';

export type SetOrgKeyRateLimitOptions = {
  orgId: string;
  /** Requests per second each of the org's keys may make (validated by `KeyRateLimitSchema`). */
  keyRateLimit: number;
};

/** A platform operation: an org admin cannot raise its own keys' limit. Servers apply it within a second. */
export async function setOrgKeyRateLimit(
  deps: { orgs: OrgRepository; clock: Clock },
  { orgId, keyRateLimit }: SetOrgKeyRateLimitOptions,
): Promise<OrgRecord> {
  const org = await deps.orgs.updateSettings(orgId, { keyRateLimit }, deps.clock.now());
  if (!org) throw new AppError('NOT_FOUND', { message: `org ${orgId} not found` });
  return org;
}
