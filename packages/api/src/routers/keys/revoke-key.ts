import { revokeKey as revoke } from '@provisio/core/keys';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '@provisio/core/audit';
import { ZRevokeKeyRequestSchema, ZRevokeKeyResponseSchema } from './revoke-key.types.ts';

/** Admin: revokes a key; the next request with it gets 401. Revoking a revoked key changes nothing. */
export const revokeKey = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRevokeKeyRequestSchema)
  .output(ZRevokeKeyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const key = await revoke(accessDeps(ctx), { orgId: ctx.auth.orgId, keyId: input.id });
    ctx.logger.info({ orgId: key.orgId, keyId: key.id }, 'application key revoked');
    recordChange(ctx.audit, {
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      before: { revokedReason: null },
      after: { revokedReason: key.revokedReason },
    });
    return key;
  });
