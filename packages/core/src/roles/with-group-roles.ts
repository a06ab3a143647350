import type { GroupRepository } from '../groups/group-repository.ts';
import { recomputeUserRoles } from './recompute-user-roles.ts';
import type { RoleRecomputeDeps } from './recompute-user-roles.ts';
import type { RoleRepository } from './role-repository.ts';

const PAGE = 500;

/** Every member id of a group, read in keyset pages. */
export async function allMemberIds(
  roles: Pick<RoleRepository, 'memberIdsAfter'>,
  orgId: string,
  groupId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const page = await roles.memberIdsAfter(orgId, groupId, after, PAGE);
    ids.push(...page);
    if (page.length < PAGE) return ids;
    after = page[page.length - 1] ?? null;
  }
}

/**
 * The group repository, bringing the role effect of every membership change: when the group
 * is mapped to a role, the users the change touched (added, removed, or every member of a
 * deleted group) get their role recomputed before the request answers. An unmapped group
 * costs one read by id; an add or remove costs what its own members cost, whatever the
 * group's size. Wrapping the port, as `withUserEffects` does, means no procedure can forget it.
 */
export function withGroupRoles(groups: GroupRepository, deps: RoleRecomputeDeps): GroupRepository {
  const recompute = (orgId: string, userIds: readonly string[], cause: string) =>
    userIds.length ? recomputeUserRoles(deps, { orgId, userIds, cause }) : Promise.resolve(0);
  return {
    ...groups,
    async applyMembership(orgId, groupId, delta) {
      // For a PUT, who leaves is known only from the members before it.
      const replaced = delta.replaceAll && (await deps.roles.mappingOf(orgId, groupId));
      const before = replaced ? await allMemberIds(deps.roles, orgId, groupId) : [];
      await groups.applyMembership(orgId, groupId, delta);
      // Asked after the rows are written, so a mapping made meanwhile (which then recomputes
      // the members it reads) and this change cannot both miss a member.
      if (!(await deps.roles.mappingOf(orgId, groupId))) return;
      const touched = [...before, ...delta.remove, ...delta.add.map((m) => m.value)];
      await recompute(orgId, touched, `membership of mapped group ${groupId} changed`);
    },
    async delete(orgId, id, now, expectedVersion) {
      const mapped = await deps.roles.mappingOf(orgId, id);
      if (!mapped) return groups.delete(orgId, id, now, expectedVersion);
      const members = await allMemberIds(deps.roles, orgId, id);
      const deleted = await groups.delete(orgId, id, now, expectedVersion);
      // The mapping stays until the group is gone for good; then its members fall back.
      if (deleted) await deps.roles.deleteMapping(orgId, id);
      await recompute(orgId, members, `mapped group ${id} deleted`);
      return deleted;
    },
  };
}
