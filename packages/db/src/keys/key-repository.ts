import type { KeyRepository } from '@provisio/core/keys';
import type { Model } from 'mongoose';
import type { VersionClaims } from '../versioning/claim-version.ts';
import { reviseDocument } from '../versioning/revise-document.ts';
import type { KeyDoc } from './key-model.ts';
import type { KeyUsage } from './key-usage.ts';
import { toKey } from './to-key.ts';

const LIVE = { revokedAt: { $exists: false } };

/**
 * Keys over mongoose. The key document is written once and revoked once (through
 * `reviseDocument`, so two revocations report once); last-use stamps live in `key_usage`,
 * so a stamp can never write a key back without its revocation. Records read for display
 * carry their stamps, read in one query per call.
 */
export function createKeyRepository(model: Model<KeyDoc>, usage: KeyUsage, vc: VersionClaims): KeyRepository {
  const withUses = async (orgId: string, docs: KeyDoc[]) => {
    const uses = await usage.of(
      orgId,
      docs.map((d) => d._id),
    );
    return docs.map((d) => toKey(d, uses.get(d._id)));
  };
  const revoked = (orgId: string, keyId: string, { reason, now }: { reason: KeyDoc['revokedReason']; now: Date }) =>
    reviseDocument(model, vc, { kind: 'key', orgId, id: keyId, now }, (current) =>
      current.revokedAt ? null : { revokedAt: now, revokedReason: reason },
    );
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
      return doc ? ((await withUses(orgId, [doc]))[0] ?? null) : null;
    },
    async list(orgId, { ownerId, includeRevoked = false }) {
      const docs = await model
        .find({ orgId, ...(ownerId ? { ownerId } : {}), ...(includeRevoked ? {} : LIVE) })
        .sort({ _id: -1 })
        .lean<KeyDoc[]>();
      return withUses(orgId, docs);
    },
    async revoke(orgId, keyId, { reason, now }) {
      const doc = await revoked(orgId, keyId, { reason, now });
      return doc ? ((await withUses(orgId, [doc]))[0] ?? null) : null;
    },
    async revokeByOwner(orgId, ownerId, { reason, now, scope }) {
      const live = await model
        .find({ orgId, ownerId, ...LIVE, ...(scope ? { scopes: scope } : {}) }, { _id: 1 })
        .lean<Array<{ _id: string }>>();
      const done = await Promise.all(live.map(({ _id }) => revoked(orgId, _id, { reason, now })));
      // A key revoked meanwhile by someone else is theirs to report.
      return withUses(
        orgId,
        done.flatMap((doc) => (doc ? [doc] : [])),
      );
    },
    noteUse(orgId, keyId, { field, now }) {
      return usage.note(orgId, keyId, field, now);
    },
  };
}
