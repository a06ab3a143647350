import { deleteServiceAccount as remove } from '@provisio/core/service-accounts';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '@provisio/core/audit';
import {
  ZDeleteServiceAccountRequestSchema,
  ZDeleteServiceAccountResponseSchema,
} from './delete-service-account.types.ts';

/** Admin: removes a service account and revokes its keys. */
export const deleteServiceAccount = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZDeleteServiceAccountRequestSchema)
  .output(ZDeleteServiceAccountResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const { revoked } = await remove(accessDeps(ctx), { orgId, id: input.id });
    ctx.logger.info({ orgId, serviceAccountId: input.id, revoked: revoked.length }, 'service account deleted');
    recordChange(ctx.audit, {
      resourceType: 'ServiceAccount',
      resourceId: input.id,
      before: { exists: true },
      after: null,
    });
    for (const key of revoked)
      recordChange(ctx.audit, {
        resourceType: 'ApplicationKey',
        resourceId: key.id,
        before: { revokedReason: null },
        after: { revokedReason: key.revokedReason },
      });
    return { id: input.id, revokedKeyIds: revoked.map((k) => k.id) };
  });
