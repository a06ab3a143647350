import { listKeys as list } from '@provisio/core/keys';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from '../audit/access-deps.ts';
import { ZListKeysRequestSchema, ZListKeysResponseSchema } from './list-keys.types.ts';

/** Admin: the org's keys, newest first; never a secret. */
export const listKeys = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZListKeysRequestSchema)
  .output(ZListKeysResponseSchema)
  .query(async ({ ctx, input }) => ({ items: await list(accessDeps(ctx), { orgId: ctx.auth.orgId, ...input }) }));
