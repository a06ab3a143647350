import { diffRecords } from '@provisio/core/audit';
import { getOrg, setOrgPlan as setPlan } from '@provisio/core/orgs';
import { platformProcedure } from '../../trpc.ts';
import { recordPlatformChange } from './record-platform-change.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { ZSetOrgPlanRequestSchema, ZSetOrgPlanResponseSchema } from './set-org-plan.types.ts';

/** Platform: changes an org's plan; leaving a SCIM plan makes SCIM answer 403 (keys are kept). */
export const setOrgPlan = platformProcedure
  .input(ZSetOrgPlanRequestSchema)
  .output(ZSetOrgPlanResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const deps = accessDeps(ctx);
    const before = await getOrg(deps, input.orgId);
    const org = await setPlan(deps, input);
    ctx.logger.info({ orgId: org.id, plan: org.plan }, 'org plan set');
    const changes = diffRecords({ resourceType: 'Org', resourceId: org.id }, { plan: before.plan }, { plan: org.plan });
    await recordPlatformChange(ctx, {
      orgId: org.id,
      action: 'platform.setOrgPlan',
      resourceType: 'Org',
      resourceId: org.id,
      changes,
    });
    return org;
  });
