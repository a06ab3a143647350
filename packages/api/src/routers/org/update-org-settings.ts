import { AppError } from '@provisio/core';
import { getOrg, updateOrgSettings as update } from '@provisio/core/orgs';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '@provisio/core/audit';
import { ZUpdateOrgSettingsRequestSchema, ZUpdateOrgSettingsResponseSchema } from './update-org-settings.types.ts';

/** Admin: SCIM on/off, SAML JIT on/off, default role, invite lifetime (not the keys' rate limit: the platform's). */
export const updateOrgSettings = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZUpdateOrgSettingsRequestSchema)
  .output(ZUpdateOrgSettingsResponseSchema)
  .mutation(async ({ ctx, input: { keyRateLimit, ...settings } }) => {
    if (keyRateLimit !== undefined)
      throw new AppError('FORBIDDEN', {
        message: 'keyRateLimit is set by the platform admin (platform.setOrgKeyRateLimit); ask them to raise it',
      });
    const deps = accessDeps(ctx);
    const orgId = ctx.auth.orgId;
    const before = await getOrg(deps, orgId);
    const org = await update(deps, { orgId, settings });
    ctx.logger.info({ orgId }, 'org settings updated');
    recordChange(ctx.audit, {
      resourceType: 'Org',
      resourceId: orgId,
      before: { settings: before.settings },
      after: { settings: org.settings },
    });
    return org;
  });
