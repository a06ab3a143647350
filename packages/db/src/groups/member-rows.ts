import { normaliseKey } from '@provisio/core';
import type { ResolvedDelta } from '@provisio/core';
import type { Model } from 'mongoose';
import { ignoreDuplicates } from '../errors/is-duplicate-key.ts';
import type { GroupMemberDoc } from './group-member-model.ts';

const CHUNK = 1_000;

/**
 * Applies a membership delta as row writes: removals (or, for replaceAll, everyone not in
 * `add`) are one deleteMany; additions are unordered bulk inserts of deterministic ids, so
 * an existing member is a duplicate we ignore and concurrent adds cannot clash.
 */
export async function applyMemberRows(rows: Model<GroupMemberDoc>, orgId: string, groupId: string, delta: ResolvedDelta): Promise<void> {
  if (delta.replaceAll) {
    await rows.deleteMany({ orgId, groupId, memberId: { $nin: delta.add.map((m) => m.value) } });
  } else if (delta.remove.length) {
    await rows.deleteMany({ orgId, groupId, memberId: { $in: delta.remove } });
  }
  const now = new Date();
  for (let i = 0; i < delta.add.length; i += CHUNK) {
    const docs = delta.add.slice(i, i + CHUNK).map((m) => ({
      _id: `${groupId}:${m.value}`,
      orgId,
      groupId,
      memberId: m.value,
      ...(m.display !== undefined ? { display: m.display, displayKey: normaliseKey(m.display) } : {}),
      createdAt: now,
    }));
    await rows.insertMany(docs, { ordered: false, lean: true }).catch(ignoreDuplicates);
  }
}
