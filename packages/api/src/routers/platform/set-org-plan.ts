import { actorOf, diffRecords, newAuditEvent } from '@provisio/core/audit';
import { getOrg, setOrgPlan as setPlan } from '@provisio/core/orgs';
import { platformProcedure } from '../../trpc.ts';
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
    const event = {
      orgId: org.id,
      surface: 'trpc',
      actor: actorOf(ctx.auth),
      action: 'platform.setOrgPlan',
      outcome: 'success',
      changes,
    } as const;
    await ctx.db.audit.insert(
      newAuditEvent(ctx.clock.now(), {
        ...event,
        resourceType: 'Org',
        resourceId: org.id,
        status: 200,
        requestId: ctx.requestId ?? null,
      }),
    );
    return org;
  });
