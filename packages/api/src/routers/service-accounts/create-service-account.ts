import { createServiceAccount as create } from '@provisio/core/service-accounts';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { recordChange } from '@provisio/core/audit';
import {
  ZCreateServiceAccountRequestSchema,
  ZCreateServiceAccountResponseSchema,
} from './create-service-account.types.ts';

/** Admin: a non-human owner for keys (SCIM's recommended owner); never a user, never signs in. */
export const createServiceAccount = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZCreateServiceAccountRequestSchema)
  .output(ZCreateServiceAccountResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const account = await create(accessDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    ctx.logger.info({ orgId: account.orgId, serviceAccountId: account.id }, 'service account created');
    recordChange(ctx.audit, {
      resourceType: 'ServiceAccount',
      resourceId: account.id,
      before: null,
      after: { name: account.name, description: account.description },
    });
    return account;
  });
