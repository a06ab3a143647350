import { ORG_PLANS, OrgRecordSchema } from '@provisio/core/orgs';
import { z } from 'zod';

export const ZSetOrgPlanRequestSchema = z.object({ orgId: z.string().min(1).max(256), plan: z.enum(ORG_PLANS) });
export const ZSetOrgPlanResponseSchema = OrgRecordSchema;
