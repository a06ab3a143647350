import { actorOf, diffRecords, newAuditEvent } from '@provisio/core/audit';
import { issueAdminKey } from '@provisio/core/orgs';
import { platformProcedure } from '../../trpc.ts';
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
    const event = {
      orgId: key.orgId,
      surface: 'trpc',
      actor: actorOf(ctx.auth),
      action: 'platform.createAdminKey',
      outcome: 'success',
      changes,
    } as const;
    await ctx.db.audit.insert(
      newAuditEvent(ctx.clock.now(), {
        ...event,
        resourceType: 'ApplicationKey',
        resourceId: key.id,
        status: 200,
        requestId: ctx.requestId ?? null,
      }),
    );
    return { key, token };
  });
