import { AppError } from '../errors/app-error.ts';
import type { OrgRecord } from './org-record.ts';
import type { OrgRepository } from './org-repository.ts';

/** The org, or NOT_FOUND. */
export async function getOrg(deps: { orgs: OrgRepository }, orgId: string): Promise<OrgRecord> {
  const org = await deps.orgs.findById(orgId);
  if (!org) throw new AppError('NOT_FOUND', { message: `org ${orgId} not found` });
  return org;
}
