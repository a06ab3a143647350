import { patchUser } from '@provisio/core';
import { applyUserPatch } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { ZPatchUserRequestSchema, ZPatchUserResponseSchema } from './patch-user.types.ts';

/** PATCH: @provisio/scim's engine applied to the current version, re-applied after a lost race. */
export const patchUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZPatchUserRequestSchema)
  .output(ZPatchUserResponseSchema)
  .mutation(({ ctx, input }) => {
    const { id, patch, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: id }, 'users.patch');
    return patchUser(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id,
      ifMatchVersion,
      apply: (current) => applyUserPatch({ user: current.attributes, patch, registry: scimRegistry, id }),
    });
  });
