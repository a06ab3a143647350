import { getGroup } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZGetGroupRequestSchema, ZGetGroupResponseSchema } from './get-group.types.ts';

export const getGroupProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZGetGroupRequestSchema)
  .output(ZGetGroupResponseSchema)
  .query(({ ctx, input }) => getGroup(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input }));
