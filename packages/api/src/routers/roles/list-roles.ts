import { orgProcedure } from '../../trpc.ts';
import { ZListRolesResponseSchema } from './roles.types.ts';

/** The org's roles and group mappings, each mapping with its group's current name. */
export const listRoles = orgProcedure
  .meta({ scope: 'users:read' })
  .output(ZListRolesResponseSchema)
  .query(async ({ ctx }) => {
    const orgId = ctx.auth.orgId;
    const [roles, maps] = await Promise.all([ctx.db.roles.listRoles(orgId), ctx.db.roles.listMappings(orgId)]);
    const mappings = await Promise.all(
      maps.map(async (m) => ({
        ...m,
        groupName: (await ctx.db.groups.findById(orgId, m.groupId))?.displayName ?? null,
      })),
    );
    mappings.sort((a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? ''));
    return { roles, mappings };
  });
