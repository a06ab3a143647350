import { createKey as create } from '@provisio/core/keys';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '@provisio/core/audit';
import { ZCreateKeyRequestSchema, ZCreateKeyResponseSchema } from './create-key.types.ts';

/** Admin: an application key for a user or a service account of the org. */
export const createKey = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZCreateKeyRequestSchema)
  .output(ZCreateKeyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { key, token } = await create(accessDeps(ctx), {
      orgId: ctx.auth.orgId,
      ...input,
      issuerScopes: ctx.auth.scopes,
    });
    ctx.logger.info({ orgId: key.orgId, keyId: key.id, ownerId: key.ownerId }, 'application key created');
    const after = { name: key.name, ownerType: key.ownerType, ownerId: key.ownerId, scopes: key.scopes };
    recordChange(ctx.audit, { resourceType: 'ApplicationKey', resourceId: key.id, before: null, after });
    return { key, token };
  });
