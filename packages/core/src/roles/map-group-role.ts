import { AppError } from '../errors/app-error.ts';
import type { UserRole } from '../users/user-enums.ts';
import type { GroupRoleMap } from './group-role-map.ts';
import { recomputeMappedMembers } from './recompute-mapped-members.ts';
import type { RoleAdminDeps } from './role-admin-deps.ts';

export type MapGroupRoleOptions = {
  orgId: string;
  groupId: string;
  /** A built-in role, or `orgRoleId` for one of the org's roles (which grants `standard`). */
  target: { role: UserRole } | { orgRoleId: string };
};

/**
 * An org admin maps a group to a role (only an `admin`-scoped caller reaches this: it is how
 * the IdP's groups may make admins). The group's members are recomputed before it returns.
 */
export async function mapGroupRole(deps: RoleAdminDeps, options: MapGroupRoleOptions): Promise<GroupRoleMap> {
  const { orgId, groupId, target } = options;
  const group = await deps.groups.findById(orgId, groupId);
  if (!group) throw new AppError('NOT_FOUND', { message: `group ${groupId} not found` });
  let orgRoleId: string | null = null;
  if ('orgRoleId' in target) {
    if (!(await deps.roles.listRoles(orgId)).some((r) => r.id === target.orgRoleId))
      throw new AppError('NOT_FOUND', { message: `role ${target.orgRoleId} not found` });
    orgRoleId = target.orgRoleId;
  }
  const role = 'role' in target ? target.role : 'standard';
  const map = await deps.roles.setMapping(orgId, { groupId, role, orgRoleId, now: deps.clock.now() });
  const to = orgRoleId ?? role;
  await recomputeMappedMembers(deps, {
    orgId,
    groupIds: [groupId],
    cause: `group "${group.displayName}" mapped to ${to}`,
  });
  return map;
}

/** Removes a group's mapping; its members whose role it gave fall back (see `decideRole`). */
export async function unmapGroupRole(deps: RoleAdminDeps, { orgId, groupId }: { orgId: string; groupId: string }) {
  if (!(await deps.roles.deleteMapping(orgId, groupId)))
    throw new AppError('NOT_FOUND', { message: `group ${groupId} is not mapped` });
  await recomputeMappedMembers(deps, { orgId, groupIds: [groupId], cause: `group ${groupId} unmapped` });
}
