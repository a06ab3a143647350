import { normaliseKey } from '@provisio/core';
import type { UserPageQuery } from '@provisio/core';
import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import { findAnyOf } from '../filter/find-any-of.ts';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import { memberIdsAfter } from '../groups/member-lookups.ts';
import type { UserDoc } from './user-model.ts';

const MEMBER_BATCH = 1_000;

/**
 * One keyset page of users: exact filters, `_id > after`, `_id` order. A group filter walks
 * the group's member rows in member-id order (the same order as user ids) a batch at a
 * time, so a 50,000-member group never becomes one huge `$in`.
 */
export async function userPage(
  models: { users: Model<UserDoc>; groupMembers: Model<GroupMemberDoc> },
  orgId: string,
  q: UserPageQuery,
  sql: SqlReads | undefined,
): Promise<UserDoc[]> {
  const where: Record<string, unknown> = { orgId };
  if (q.status) where['status'] = q.status;
  if (q.userName) where['userNameKey'] = normaliseKey(q.userName);
  if (q.externalId) where['externalId'] = q.externalId;
  // Every email normalised like the literal, at the top level (index-served on FerretDB).
  if (q.email) where['emailKeys'] = normaliseKey(q.email);
  if (!q.groupId) {
    // No key that names a few users: with the companion, the page is a range of the (orgId, _id)
    // btree (FerretDB sorted and filtered `_id > after` in Go over the whole org, every page).
    const rows =
      q.userName || q.externalId || q.email
        ? undefined
        : await sql?.keysetRows({
            collection: models.users.collection.collectionName,
            equals: q.status ? { orgId, status: q.status } : { orgId },
            sort: { _id: 1 },
            limit: q.limit,
            ...(q.after ? { after: { id: q.after } } : {}),
          });
    if (rows && sql)
      return docsByIds(
        models.users,
        orgId,
        rows.map((r) => r.id),
        sql,
      );
    const query = q.after ? { ...where, _id: { $gt: q.after } } : where;
    return models.users.find(query).sort({ _id: 1 }).limit(q.limit).lean<UserDoc[]>();
  }
  const out: UserDoc[] = [];
  let after = q.after ?? null;
  while (out.length < q.limit) {
    // What the page still needs, at least 100 (so a narrowing filter does not make rounds of one).
    const batch = Math.min(MEMBER_BATCH, Math.max(q.limit - out.length, 100));
    const ids = await memberIdsAfter(models.groupMembers, sql, { orgId, groupId: q.groupId, after, limit: batch });
    const users = await findAnyOf(models.users, { where, field: '_id', values: ids }, sql);
    out.push(...users.sort((a, b) => (a._id < b._id ? -1 : 1)));
    after = ids.at(-1) ?? null;
    if (ids.length < batch) break;
  }
  return out.slice(0, q.limit);
}
