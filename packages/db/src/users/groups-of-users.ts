import type { UserGroupRef } from '@provisio/core';
import type { Model } from 'mongoose';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import type { GroupDoc } from '../groups/group-model.ts';
import { findAnyOf } from '../filter/find-any-of.ts';

export type MembershipModels = { groups: Model<GroupDoc>; groupMembers: Model<GroupMemberDoc> };

/**
 * Each user's `groups` (direct memberships), for a page of users: its member rows, then the
 * names of their groups (`byEquality`: see `findAnyOf`).
 */
export async function groupsOfUsers(
  models: MembershipModels,
  orgId: string,
  userIds: string[],
  byEquality: boolean,
): Promise<Map<string, UserGroupRef[]>> {
  const out = new Map<string, UserGroupRef[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await findAnyOf(
    models.groupMembers,
    { where: { orgId }, field: 'memberId', values: userIds, projection: { groupId: 1, memberId: 1 } },
    byEquality,
  );
  if (!rows.length) return out;
  const groupIds = [...new Set(rows.map((r) => r.groupId))];
  const groups = await findAnyOf(
    models.groups,
    { where: { orgId }, field: '_id', values: groupIds, projection: { displayName: 1 } },
    byEquality,
  );
  const names = new Map(groups.map((g) => [g._id, g.displayName]));
  for (const row of rows) {
    const display = names.get(row.groupId);
    // Rows of a group being deleted are skipped: the group is already gone.
    if (display !== undefined) out.get(row.memberId)?.push({ value: row.groupId, display });
  }
  for (const refs of out.values()) refs.sort((a, b) => (a.value < b.value ? -1 : 1));
  return out;
}
