import { recordChange } from '@provisio/core/audit';
import { deleteOrgRole } from '@provisio/core/roles';
import { orgProcedure } from '../../trpc.ts';
import { roleDepsOf } from './role-deps.ts';
import { ZDoneResponseSchema, ZRoleIdRequestSchema } from './roles.types.ts';

/** Admin: deletes an org role; refused (CONFLICT) while a group maps to it. */
export const deleteRole = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRoleIdRequestSchema)
  .output(ZDoneResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    ctx.logger.info({ orgId, roleId: input.id }, 'roles.delete');
    await deleteOrgRole(roleDepsOf(ctx), { orgId, id: input.id });
    recordChange(ctx.audit, { resourceType: 'Role', resourceId: input.id, before: { id: input.id }, after: null });
    return { ok: true as const };
  });
