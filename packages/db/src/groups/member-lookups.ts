import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
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

/**
 * The `_id` range of a group's rows: `<group>:` up to `<group>;` (the next character), which
 * holds exactly the ids that start with `<group>:`. A row's `_id` order within it is member-id order.
 */
const rowsOf = (groupId: string) => ({ from: memberRowId(groupId, ''), before: `${groupId};` });

/**
 * Up to `limit` member ids of a group after `after` (null: from the start), in member-id
 * order. With the companion: a range of the (orgId, _id) btree, so each page costs a page
 * (FerretDB filters `memberId > after` in Go after reading every row of the group: a walk of a
 * 50,000-member group read 100 × 50,000 rows). Else the `{orgId, groupId, memberId}` index.
 */
export async function memberIdsAfter(
  rows: Model<GroupMemberDoc>,
  sql: SqlReads | undefined,
  q: { orgId: string; groupId: string; after: string | null; limit: number; offset?: number },
): Promise<string[]> {
  const range = rowsOf(q.groupId);
  const ids = await sql?.pageIds({
    collection: rows.collection.collectionName,
    equals: { orgId: q.orgId },
    sort: { _id: 1 },
    offset: q.offset ?? 0,
    limit: q.limit,
    idsBetween: q.after === null ? range : { ...range, after: memberRowId(q.groupId, q.after) },
  });
  if (ids) return ids.map((id) => id.slice(range.from.length));
  const where = { orgId: q.orgId, groupId: q.groupId, ...(q.after === null ? {} : { memberId: { $gt: q.after } }) };
  const found = await rows
    .find(where, { memberId: 1 })
    .sort({ memberId: 1 })
    .skip(q.offset ?? 0)
    .limit(q.limit)
    .lean<Array<Pick<GroupMemberDoc, 'memberId'>>>();
  return found.map((r) => r.memberId);
}
