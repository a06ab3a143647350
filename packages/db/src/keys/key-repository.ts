import type { KeyRepository } from '@provisio/core/keys';
import type { Model } from 'mongoose';
import type { VersionClaims } from '../versioning/claim-version.ts';
import { reviseDocument } from '../versioning/revise-document.ts';
import type { KeyDoc } from './key-model.ts';
import { toKey } from './to-key.ts';

const LIVE = { revokedAt: { $exists: false } };

/**
 * Keys over mongoose. A revocation and a last-use stamp can land at once (an IdP's parallel
 * requests, one of them deprovisioning the key's owner): both go through `reviseDocument`,
 * so the stamp can never write back a key without its revocation.
 */
export function createKeyRepository(model: Model<KeyDoc>, vc: VersionClaims): KeyRepository {
  const revoked = (orgId: string, keyId: string, { reason, now }: { reason: KeyDoc['revokedReason']; now: Date }) =>
    reviseDocument(model, vc, { kind: 'key', orgId, id: keyId, now }, (current) => (current.revokedAt ? null : { revokedAt: now, revokedReason: reason }));
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
      const doc = await revoked(orgId, keyId, { reason, now });
      return doc ? toKey(doc) : null;
    },
    async revokeByOwner(orgId, ownerId, { reason, now, scope }) {
      const live = await model.find({ orgId, ownerId, ...LIVE, ...(scope ? { scopes: scope } : {}) }, { _id: 1 }).lean<Array<{ _id: string }>>();
      const done = await Promise.all(live.map(({ _id }) => revoked(orgId, _id, { reason, now })));
      // A key revoked meanwhile by someone else is theirs to report.
      return done.flatMap((doc) => (doc ? [toKey(doc)] : []));
    },
    async touch(orgId, keyId, { field, now, notBefore }) {
      await reviseDocument(model, vc, { kind: 'key', orgId, id: keyId, now }, (current) => {
        const last = current[field];
        return last && last >= notBefore ? null : { [field]: now };
      });
    },
  };
}
