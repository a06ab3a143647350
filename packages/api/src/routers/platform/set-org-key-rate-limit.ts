import { diffRecords } from '@provisio/core/audit';
import { getOrg, setOrgKeyRateLimit as setLimit } from '@provisio/core/orgs';
import { platformProcedure } from '../../trpc.ts';
import { recordPlatformChange } from './record-platform-change.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { ZSetOrgKeyRateLimitRequestSchema, ZSetOrgKeyRateLimitResponseSchema } from './set-org-key-rate-limit.types.ts';

/** Platform: requests per second each of an org's keys may make (servers apply it within a second). */
export const setOrgKeyRateLimit = platformProcedure
  .input(ZSetOrgKeyRateLimitRequestSchema)
  .output(ZSetOrgKeyRateLimitResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const deps = accessDeps(ctx);
    const before = await getOrg(deps, input.orgId);
    const org = await setLimit(deps, input);
    ctx.logger.info({ orgId: org.id, keyRateLimit: org.settings.keyRateLimit }, 'org key rate limit set');
    const changes = diffRecords(
      { resourceType: 'Org', resourceId: org.id },
      { keyRateLimit: before.settings.keyRateLimit },
      { keyRateLimit: org.settings.keyRateLimit },
    );
    await recordPlatformChange(ctx, {
      orgId: org.id,
      action: 'platform.setOrgKeyRateLimit',
      resourceType: 'Org',
      resourceId: org.id,
      changes,
    });
    return org;
  });
