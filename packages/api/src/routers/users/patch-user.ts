import { patchUser } from '@provisio/core';
import { applyUserPatch } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { afterUserWrite } from '../keys/after-user-write.ts';
import { rolePicker } from '../org/role-for.ts';
import { ZPatchUserRequestSchema, ZPatchUserResponseSchema } from './patch-user.types.ts';

/** PATCH: @provisio/scim's engine applied to the current version, re-applied after a lost race. */
export const patchUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZPatchUserRequestSchema)
  .output(ZPatchUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, patch, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: id }, 'users.patch');
    const before = await ctx.db.users.findById(ctx.auth.orgId, id);
    const pickRole = await rolePicker(ctx, ctx.auth.orgId);
    const user = await patchUser(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id,
      ifMatchVersion,
      apply: (current) => {
        const result = applyUserPatch({ user: current.attributes, patch, registry: scimRegistry, id });
        const role = pickRole(result.attributes.roles);
        return role ? { ...result, role } : result;
      },
    });
    await afterUserWrite(ctx, { id, before, after: user });
    return user;
  });
