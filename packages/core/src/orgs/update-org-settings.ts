import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { OrgRecord, OrgSettings } from './org-record.ts';
import type { OrgRepository } from './org-repository.ts';

export type UpdateOrgSettingsOptions = {
  orgId: string;
  /** Only the settings given change. */
  settings: Partial<OrgSettings>;
};

export async function updateOrgSettings(
  deps: { orgs: OrgRepository; clock: Clock },
  { orgId, settings }: UpdateOrgSettingsOptions,
): Promise<OrgRecord> {
  const org = await deps.orgs.updateSettings(orgId, settings, deps.clock.now());
  if (!org) throw new AppError('NOT_FOUND', { message: `org ${orgId} not found` });
  return org;
}
