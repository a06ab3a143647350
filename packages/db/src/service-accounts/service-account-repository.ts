import { normaliseKey } from '@provisio/core';
import type { ServiceAccountRecord, ServiceAccountRepository } from '@provisio/core/service-accounts';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import type { ServiceAccountDoc } from './service-account-model.ts';

const toServiceAccount = (doc: ServiceAccountDoc): ServiceAccountRecord => ({
  id: doc._id,
  orgId: doc.orgId,
  name: doc.name,
  description: doc.description ?? null,
  created: doc.createdAt.toISOString(),
});

export function createServiceAccountRepository(model: Model<ServiceAccountDoc>): ServiceAccountRepository {
  return {
    async insert(orgId, { id, name, description, now }) {
      const doc: ServiceAccountDoc = {
        _id: id,
        orgId,
        name,
        nameKey: normaliseKey(name),
        ...(description ? { description } : {}),
        createdAt: now,
      };
      await model.create(doc).catch(conflictOnDuplicate('service account name'));
      return toServiceAccount(doc);
    },
    async findById(orgId, id) {
      const doc = await model.findOne({ _id: id, orgId }).lean<ServiceAccountDoc>();
      return doc ? toServiceAccount(doc) : null;
    },
    async list(orgId) {
      return (await model.find({ orgId }).sort({ _id: 1 }).lean<ServiceAccountDoc[]>()).map(toServiceAccount);
    },
    async delete(orgId, id) {
      return (await model.deleteOne({ _id: id, orgId })).deletedCount > 0;
    },
  };
}
