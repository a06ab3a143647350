import { getOrg, updateOrgSettings as update } from '@provisio/core/orgs';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '../audit/record-change.ts';
import { ZUpdateOrgSettingsRequestSchema, ZUpdateOrgSettingsResponseSchema } from './update-org-settings.types.ts';

/** Admin: SCIM on/off, SAML JIT on/off, default role, invite lifetime. */
export const updateOrgSettings = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZUpdateOrgSettingsRequestSchema)
  .output(ZUpdateOrgSettingsResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const deps = accessDeps(ctx);
    const orgId = ctx.auth.orgId;
    const before = await getOrg(deps, orgId);
    const org = await update(deps, { orgId, settings: input });
    ctx.logger.info({ orgId }, 'org settings updated');
    recordChange(ctx, { resourceType: 'Org', resourceId: orgId, before: { settings: before.settings }, after: { settings: org.settings } });
    return org;
  });
