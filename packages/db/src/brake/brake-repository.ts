import { DEFAULT_BRAKE_SETTINGS, unbrakedState } from '@provisio/core/brake';
import type { BrakeRepository } from '@provisio/core/brake';
import type { Model } from 'mongoose';
import type { Claims } from '../claims/claims.ts';
import { isDuplicateKey } from '../errors/is-duplicate-key.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { UserDoc } from '../users/user-model.ts';
import type { BrakeHoldDoc, BrakeModels } from './brake-models.ts';

const perUser = (orgId: string, generation: number, userId: string) => `${orgId}:${generation}:${userId}`;

/** core's BrakeRepository over four small collections and the claims (see brake-models.ts). */
export function createBrakeRepository(
  models: BrakeModels & { users: Model<UserDoc> },
  claims: Claims,
  /** With the companion: counts that stop at their bound (FerretDB's own read every matching row). */
  reads: { sql?: SqlReads },
): BrakeRepository {
  return {
    async settings(orgId) {
      const doc = await models.brakeSettings.findById(orgId).lean();
      return doc ? { percent: doc.percent, count: doc.count } : { ...DEFAULT_BRAKE_SETTINGS };
    },
    async saveSettings(orgId, { percent, count }, now) {
      await models.brakeSettings.replaceOne({ _id: orgId }, { percent, count, updatedAt: now }, { upsert: true });
    },
    async state(orgId) {
      const doc = await models.brakeStates.findById(orgId).lean();
      if (!doc) return unbrakedState(orgId);
      return {
        orgId,
        generation: doc.generation,
        braked: doc.braked,
        brakedAt: doc.brakedAt?.toISOString() ?? null,
        releasedAt: doc.releasedAt?.toISOString() ?? null,
      };
    },
    async saveState(state) {
      await models.brakeStates.replaceOne(
        { _id: state.orgId },
        {
          generation: state.generation,
          braked: state.braked,
          brakedAt: state.brakedAt ? new Date(state.brakedAt) : null,
          releasedAt: state.releasedAt ? new Date(state.releasedAt) : null,
        },
        { upsert: true },
      );
    },
    claimTransition(orgId, key, now) {
      return claims.take(`brake-${orgId}-${key}`, { now, staleAfterMs: Number.POSITIVE_INFINITY });
    },
    async mark(orgId, generation, userId, now) {
      try {
        await models.brakeMarks.collection.insertOne({
          _id: perUser(orgId, generation, userId),
          orgId,
          generation,
          at: now,
        } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },
    countMarks(orgId, generation, since) {
      return models.brakeMarks.countDocuments({ orgId, generation, at: { $gte: since } });
    },
    async pruneMarks(before) {
      const { deletedCount } = await models.brakeMarks.deleteMany({ at: { $lt: before } });
      return deletedCount;
    },
    async countActiveUsers(orgId, upTo) {
      // Two equalities, not a `$ne`: each is served by an index on either engine.
      const countUpTo = async (status: UserDoc['status'], n: number) =>
        (await reads.sql?.count(models.users.collection.collectionName, { orgId, status }, n)) ??
        (await models.users.countDocuments({ orgId, status }).limit(n));
      const active = await countUpTo('active', upTo);
      if (active >= upTo) return active;
      return active + (await countUpTo('invited', upTo - active));
    },
    async hold(orgId, generation, { userId, userName, action }, now) {
      const _id = perUser(orgId, generation, userId);
      // A lost attempt count costs nothing; the held user is never lost (upsert by id).
      const existing = await models.brakeHolds.findById(_id).lean<BrakeHoldDoc>();
      await models.brakeHolds.replaceOne(
        { _id },
        {
          orgId,
          generation,
          userId,
          userName,
          action,
          firstAt: existing?.firstAt ?? now,
          lastAt: now,
          attempts: (existing?.attempts ?? 0) + 1,
        },
        { upsert: true },
      );
    },
    async isHeld(orgId, generation, userId) {
      return (await models.brakeHolds.exists({ _id: perUser(orgId, generation, userId) })) !== null;
    },
    async held(orgId, generation) {
      const docs = await models.brakeHolds.find({ orgId, generation }).lean<BrakeHoldDoc[]>();
      return docs
        .map((d) => ({
          userId: d.userId,
          userName: d.userName,
          action: d.action,
          firstAt: d.firstAt.toISOString(),
          lastAt: d.lastAt.toISOString(),
          attempts: d.attempts,
        }))
        .sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.userId.localeCompare(b.userId));
    },
  };
}
