import type { GroupRoleMap } from './group-role-map.ts';
import { recomputeUserRoles } from './recompute-user-roles.ts';
import type { RoleRecomputeDeps } from './recompute-user-roles.ts';
import { allMemberIds } from './with-group-roles.ts';

export type RecomputeMappedOptions = {
  orgId: string;
  /** Which mapped groups' members (default: the groups named in `groupIds`). */
  only?: (map: GroupRoleMap) => boolean;
  groupIds?: readonly string[];
  cause: string;
};

/** Recomputes the members of some groups, one group at a time (each read in keyset pages). */
export async function recomputeMappedMembers(
  deps: RoleRecomputeDeps,
  options: RecomputeMappedOptions,
): Promise<number> {
  const { orgId, only } = options;
  const groupIds = only
    ? (await deps.roles.listMappings(orgId)).filter(only).map((m) => m.groupId)
    : (options.groupIds ?? []);
  let changed = 0;
  for (const groupId of groupIds) {
    const userIds = await allMemberIds(deps.roles, orgId, groupId);
    changed += await recomputeUserRoles(deps, { orgId, userIds, cause: options.cause });
  }
  return changed;
}
