import type { KeyRepository } from '@provisio/core/keys';
import type { Model } from 'mongoose';
import type { KeyDoc } from './key-model.ts';
import { toKey } from './to-key.ts';

const LIVE = { revokedAt: { $exists: false } };

export function createKeyRepository(model: Model<KeyDoc>): KeyRepository {
  return {
    async insert(orgId, key) {
      const doc: KeyDoc = {
        _id: key.id,
        orgId,
        name: key.name,
        ownerType: key.ownerType,
        ownerId: key.ownerId,
        scopes: [...key.scopes],
        secretHash: key.secretHash,
        createdAt: key.now,
      };
      await model.create(doc);
      return toKey(doc);
    },
    async findForAuth(keyId) {
      const doc = await model.findById(keyId).lean<KeyDoc>();
      return doc ? { key: toKey(doc), secretHash: doc.secretHash } : null;
    },
    async findById(orgId, keyId) {
      const doc = await model.findOne({ _id: keyId, orgId }).lean<KeyDoc>();
      return doc ? toKey(doc) : null;
    },
    async list(orgId, { ownerId, includeRevoked = false }) {
      const docs = await model
        .find({ orgId, ...(ownerId ? { ownerId } : {}), ...(includeRevoked ? {} : LIVE) })
        .sort({ _id: -1 })
        .lean<KeyDoc[]>();
      return docs.map(toKey);
    },
    async revoke(orgId, keyId, { reason, now }) {
      const doc = await model
        .findOneAndUpdate({ _id: keyId, orgId, ...LIVE }, { $set: { revokedAt: now, revokedReason: reason } }, { returnDocument: 'after' })
        .lean<KeyDoc>();
      return doc ? toKey(doc) : null;
    },
    async revokeByOwner(orgId, ownerId, { reason, now }) {
      const live = await model.find({ orgId, ownerId, ...LIVE }).lean<KeyDoc[]>();
      if (live.length === 0) return [];
      // Idempotent: a concurrent revocation of the same key sets the same fields.
      await model.updateMany({ orgId, _id: { $in: live.map((k) => k._id) }, ...LIVE }, { $set: { revokedAt: now, revokedReason: reason } });
      return live.map((doc) => toKey({ ...doc, revokedAt: now, revokedReason: reason }));
    },
    async touch(orgId, keyId, { field, now, notBefore }) {
      await model.updateOne(
        { _id: keyId, orgId, $or: [{ [field]: { $exists: false } }, { [field]: { $lt: notBefore } }] },
        { $set: { [field]: now } },
      );
    },
  };
}
