import { recordChange } from '@provisio/core/audit';
import { GroupRoleMapSchema, mapGroupRole } from '@provisio/core/roles';
import { orgProcedure } from '../../trpc.ts';
import { roleDepsOf } from './role-deps.ts';
import { ZMapGroupRequestSchema } from './roles.types.ts';

/**
 * Admin only: maps an IdP group to a role and recomputes its members. Mapping to `admin` is
 * how an org admin lets the IdP's groups make admins; no other caller can.
 */
export const mapGroup = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZMapGroupRequestSchema)
  .output(GroupRoleMapSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    ctx.logger.info({ orgId, groupId: input.groupId }, 'roles.mapGroup');
    const before = await ctx.db.roles.mappingOf(orgId, input.groupId);
    const target = 'role' in input ? { role: input.role } : { orgRoleId: input.orgRoleId };
    const map = await mapGroupRole(roleDepsOf(ctx), { orgId, groupId: input.groupId, target });
    const shown = (m: typeof before) => (m ? { role: m.role, orgRoleId: m.orgRoleId } : null);
    recordChange(ctx.audit, {
      resourceType: 'GroupRole',
      resourceId: input.groupId,
      before: shown(before),
      after: shown(map),
    });
    return map;
  });
