import type { ResolvedDelta } from '@provisio/core';
import type { Model } from 'mongoose';
import { ignoreDuplicates } from '../errors/is-duplicate-key.ts';
import { memberRowId, newMemberRow } from './group-member-model.ts';
import type { GroupMemberDoc } from './group-member-model.ts';

const CHUNK = 5_000;

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Applies a membership delta as row writes, never a rewrite of the group: removals are
 * deletes by row id (an `_id` equality each, which FerretDB serves from its index: a
 * `memberId $in` it would filter row by row over the whole group); additions are unordered bulk inserts of deterministic ids, so an
 * existing member is a duplicate we ignore and concurrent adds cannot clash. `replaceAll`
 * reads the current member ids once and writes only the difference (a re-sent full list
 * writes nothing), which also avoids a huge `$nin`. Emptying a group (RFC `remove members`)
 * is one delete by `groupId`, whatever its size.
 */
export async function applyMemberRows(
  rows: Model<GroupMemberDoc>,
  orgId: string,
  groupId: string,
  delta: ResolvedDelta,
): Promise<void> {
  if (delta.replaceAll && delta.add.length === 0) {
    await rows.deleteMany({ orgId, groupId });
    return;
  }
  let remove = delta.remove;
  let add = delta.add;
  if (delta.replaceAll) {
    const current = new Set((await rows.distinct('memberId', { orgId, groupId })).map(String));
    const wanted = new Set(add.map((m) => m.value));
    remove = [...current].filter((id) => !wanted.has(id));
    add = add.filter((m) => !current.has(m.value));
  }
  for (const ids of chunks(remove))
    await rows.collection.bulkWrite(
      ids.map((id) => ({ deleteOne: { filter: { _id: memberRowId(groupId, id), orgId } as never } })),
      { ordered: false },
    );
  const now = new Date();
  for (const batch of chunks(add)) {
    const docs = batch.map((m) => newMemberRow(orgId, groupId, m, now));
    await rows.insertMany(docs, { ordered: false, lean: true }).catch(ignoreDuplicates);
  }
}
