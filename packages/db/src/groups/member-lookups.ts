import type { Model } from 'mongoose';
import { memberRowId } from './group-member-model.ts';
import type { GroupMemberDoc } from './group-member-model.ts';

/** Every member id of a group: one read on the group's rows (`groupId` equality). */
export async function memberIdsOf(rows: Model<GroupMemberDoc>, orgId: string, groupId: string): Promise<string[]> {
  return (await rows.distinct('memberId', { orgId, groupId })).map(String);
}

/**
 * Which of `userIds` are members of the group: each row read by its `_id` (`<group>:<user>`),
 * the one form FerretDB serves from an index (`$in` it filters row by row over the group).
 */
export async function membersAmong(
  rows: Model<GroupMemberDoc>,
  orgId: string,
  groupId: string,
  userIds: string[],
): Promise<Set<string>> {
  const found = await Promise.all(
    userIds.map((userId) =>
      rows.exists({ _id: memberRowId(groupId, userId), orgId }).then((row) => (row ? userId : null)),
    ),
  );
  return new Set(found.filter((userId): userId is string => userId !== null));
}
