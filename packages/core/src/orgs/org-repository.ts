import type { OrgPlan, OrgRecord, OrgSettings } from './org-record.ts';

/** Storage of orgs. Names are unique case-insensitively (CONFLICT). */
export interface OrgRepository {
  /** @throws AppError CONFLICT when the name is taken. */
  insert(org: {
    id: string;
    name: string;
    plan: OrgPlan;
    settings: Partial<OrgSettings>;
    now: Date;
  }): Promise<OrgRecord>;
  findById(orgId: string): Promise<OrgRecord | null>;
  setPlan(orgId: string, plan: OrgPlan, now: Date): Promise<OrgRecord | null>;
  updateSettings(orgId: string, settings: Partial<OrgSettings>, now: Date): Promise<OrgRecord | null>;
}
