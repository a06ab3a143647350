import { createGroup } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZCreateGroupRequestSchema, ZCreateGroupResponseSchema } from './create-group.types.ts';

/** A taken displayName in any case → CONFLICT/uniqueness (Entra expects 409). */
export const createGroupProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZCreateGroupRequestSchema)
  .output(ZCreateGroupResponseSchema)
  .mutation(({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId }, 'groups.create');
    return createGroup(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input });
  });
