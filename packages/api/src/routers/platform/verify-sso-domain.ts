import { diffRecords } from '@provisio/core/audit';
import { verifySsoDomain as verify } from '@provisio/core/sso';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';
import { ssoDeps } from '../sso/sso-deps.ts';
import { recordPlatformChange } from './record-platform-change.ts';

/**
 * Platform: marks an org's email domain verified once the operator checked, outside this
 * server, that the org owns it (a DNS TXT record the org publishes; this server resolves no DNS).
 */
export const verifySsoDomain = platformProcedure
  .input(z.object({ orgId: z.string().min(1).max(256), domain: z.string().min(1).max(253) }).strict())
  .output(z.object({ orgId: z.string(), domain: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const domain = await verify(ssoDeps(ctx), input);
    ctx.logger.info({ orgId: input.orgId, domain }, 'sso domain verified');
    await recordPlatformChange(ctx, {
      orgId: input.orgId,
      action: 'platform.verifySsoDomain',
      resourceType: 'SsoConnection',
      resourceId: input.orgId,
      changes: diffRecords({ resourceType: 'SsoConnection', resourceId: input.orgId }, {}, { verifiedDomain: domain }),
    });
    return { orgId: input.orgId, domain };
  });
