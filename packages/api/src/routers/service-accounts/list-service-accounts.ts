import { orgProcedure } from '../../trpc.ts';
import { ZListServiceAccountsResponseSchema } from './list-service-accounts.types.ts';

/** Admin: the org's service accounts. */
export const listServiceAccounts = orgProcedure
  .meta({ scope: 'admin' })
  .output(ZListServiceAccountsResponseSchema)
  .query(async ({ ctx }) => ({ items: await ctx.db.serviceAccounts.list(ctx.auth.orgId) }));
