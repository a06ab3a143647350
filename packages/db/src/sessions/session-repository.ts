import { SESSION_KINDS } from '@provisio/core/sessions';
import type { SessionRecord, SessionRepository } from '@provisio/core/sessions';
import type { Model } from 'mongoose';
import type { SessionDoc } from './session-model.ts';

const toSession = (doc: SessionDoc): SessionRecord => ({
  idHash: doc._id,
  kind: doc.kind,
  orgId: doc.orgId,
  userId: doc.userId,
  // Sessions stored before the binding have none, so they no longer resolve as platform sessions.
  platformTokenHash: doc.platformTokenHash ?? null,
  createdAt: doc.createdAt,
  lastSeenAt: doc.lastSeenAt,
  expiresAt: doc.expiresAt,
});

/** Implements core's SessionRepository. Every write is a single-document write by `_id`. */
export function createSessionRepository(model: Model<SessionDoc>): SessionRepository {
  return {
    async insert(session) {
      const { idHash, ...rest } = session;
      await model.collection.insertOne({ _id: idHash, ...rest } as never);
    },
    async find(idHash) {
      const doc = await model.findById(idHash).lean<SessionDoc>();
      return doc ? toSession(doc) : null;
    },
    async touch(idHash, now) {
      // Only forward: a slow request never moves lastSeenAt back. A lost race is harmless.
      await model.updateOne({ _id: idHash, lastSeenAt: { $lt: now } }, { $set: { lastSeenAt: now } });
    },
    async setOrg(idHash, orgId) {
      await model.updateOne({ _id: idHash }, { $set: { orgId } });
    },
    async delete(idHash) {
      await model.deleteOne({ _id: idHash });
    },
    async deleteForUser(orgId, userId) {
      const { deletedCount } = await model.deleteMany({ orgId, userId });
      return deletedCount;
    },
    async deleteExpired(now, idleBefore) {
      const idle = SESSION_KINDS.map((kind) => ({ kind, lastSeenAt: { $lte: idleBefore[kind] } }));
      const { deletedCount } = await model.deleteMany({ $or: [{ expiresAt: { $lte: now } }, ...idle] });
      return deletedCount;
    },
  };
}
