import { getOrg, getScimStatus } from '@provisio/core/orgs';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps, scimBaseUrlOf } from '../audit/access-deps.ts';
import { ZScimStatusResponseSchema } from './scim-status.types.ts';

/** Admin: is SCIM working, which keys drive it, and the hazards (user-owned key, SAML JIT, no key, idle key). */
export const scimStatus = orgProcedure
  .meta({ scope: 'admin' })
  .output(ZScimStatusResponseSchema)
  .query(async ({ ctx }) => {
    const deps = accessDeps(ctx);
    const org = await getOrg(deps, ctx.auth.orgId);
    const status = await getScimStatus(deps, org.id);
    const { scimEnabled, samlJitEnabled } = org.settings;
    return {
      plan: org.plan,
      scimEnabled,
      samlJitEnabled,
      available: status.available,
      scimBaseUrl: scimBaseUrlOf(ctx),
      scimKeys: status.scimKeys,
      warnings: status.warnings,
    };
  });
