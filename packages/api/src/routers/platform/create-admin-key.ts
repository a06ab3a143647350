import { diffRecords } from '@provisio/core/audit';
import { issueAdminKey } from '@provisio/core/orgs';
import { platformProcedure } from '../../trpc.ts';
import { recordPlatformChange } from './record-platform-change.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { ZCreateAdminKeyRequestSchema, ZCreateAdminKeyResponseSchema } from './create-admin-key.types.ts';

/** Platform: bootstraps an `admin` key for an org (owned by its `org-admin` service account). */
export const createAdminKey = platformProcedure
  .input(ZCreateAdminKeyRequestSchema)
  .output(ZCreateAdminKeyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { key, token } = await issueAdminKey(accessDeps(ctx), input);
    ctx.logger.info({ orgId: key.orgId, keyId: key.id }, 'admin key issued');
    const changes = diffRecords({ resourceType: 'ApplicationKey', resourceId: key.id }, null, {
      name: key.name,
      ownerId: key.ownerId,
      scopes: key.scopes,
    });
    await recordPlatformChange(ctx, {
      orgId: key.orgId,
      action: 'platform.createAdminKey',
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      changes,
    });
    return { key, token };
  });
