import { recordChange } from '@provisio/core/audit';
import { OrgRoleSchema, saveOrgRole } from '@provisio/core/roles';
import { orgProcedure } from '../../trpc.ts';
import { roleDepsOf } from './role-deps.ts';
import { ZSaveRoleRequestSchema } from './roles.types.ts';

/** Admin: creates an org role (no `id`) or changes one (a rank change recomputes the users it may move). */
export const saveRole = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZSaveRoleRequestSchema)
  .output(OrgRoleSchema)
  .mutation(async ({ ctx, input: { id, ...fields } }) => {
    const orgId = ctx.auth.orgId;
    ctx.logger.info({ orgId, roleId: id }, 'roles.save');
    const saved = await saveOrgRole(roleDepsOf(ctx), { orgId, id, fields });
    recordChange(ctx.audit, { resourceType: 'Role', resourceId: saved.id, before: null, after: fields });
    return saved;
  });
