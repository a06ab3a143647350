import { AppError } from '../errors/app-error.ts';
import type { RoleAdminDeps } from './role-admin-deps.ts';

/**
 * Deletes an org role that no group maps to. Refused while mapped (CONFLICT naming the
 * groups): the admin first maps those groups elsewhere, which moves their members, so no
 * user is ever left holding a role that no longer exists.
 */
export async function deleteOrgRole(deps: RoleAdminDeps, { orgId, id }: { orgId: string; id: string }): Promise<void> {
  const mapped = (await deps.roles.listMappings(orgId)).filter((m) => m.orgRoleId === id);
  if (mapped.length) {
    const groups = await Promise.all(
      mapped.map(async (m) => (await deps.groups.findById(orgId, m.groupId))?.displayName ?? m.groupId),
    );
    throw new AppError('CONFLICT', {
      message: `role ${id} is mapped from ${groups.map((g) => JSON.stringify(g)).join(', ')}: map those groups to another role first`,
    });
  }
  if (!(await deps.roles.deleteRole(orgId, id))) throw new AppError('NOT_FOUND', { message: `role ${id} not found` });
}
