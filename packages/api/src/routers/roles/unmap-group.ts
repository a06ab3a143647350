import { recordChange } from '@provisio/core/audit';
import { unmapGroupRole } from '@provisio/core/roles';
import { orgProcedure } from '../../trpc.ts';
import { roleDepsOf } from './role-deps.ts';
import { ZDoneResponseSchema, ZGroupIdRequestSchema } from './roles.types.ts';

/** Admin: removes a group's mapping; members whose role it gave fall back (SCIM `roles` value, else the default). */
export const unmapGroup = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZGroupIdRequestSchema)
  .output(ZDoneResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    ctx.logger.info({ orgId, groupId: input.groupId }, 'roles.unmapGroup');
    const before = await ctx.db.roles.mappingOf(orgId, input.groupId);
    await unmapGroupRole(roleDepsOf(ctx), { orgId, groupId: input.groupId });
    const was = before ? { role: before.role, orgRoleId: before.orgRoleId } : null;
    recordChange(ctx.audit, { resourceType: 'GroupRole', resourceId: input.groupId, before: was, after: null });
    return { ok: true as const };
  });
