import type { ScimTrafficStore, TrafficBucket } from '@provisio/core/scim-doctor';
import type { Model, mongo } from 'mongoose';
import { trafficShareId } from './traffic-model.ts';
import type { ScimTrafficDoc } from './traffic-model.ts';

const prefixed = (prefix: string, values: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}.${key}`, value ?? 0]));

/** The doctor's hourly buckets in `scim_traffic` (core ScimTrafficStore). */
export function createScimTrafficStore(model: Model<ScimTrafficDoc>): ScimTrafficStore {
  return {
    async add(writer, buckets) {
      if (!buckets.length) return;
      const operations = buckets.map((bucket): mongo.AnyBulkWriteOperation<ScimTrafficDoc> => ({
        updateOne: {
          filter: { _id: trafficShareId(bucket.orgId, bucket.keyId, bucket.hour, writer) },
          update: {
            $inc: {
              ...prefixed('counts', bucket.counts),
              ...prefixed('shapes', bucket.shapes),
              ...prefixed('idps', bucket.idps),
            },
            $set: { lastErrors: bucket.lastErrors },
            ...(bucket.lastSuccessAt ? { $max: { lastSuccessAt: bucket.lastSuccessAt } } : {}),
            $setOnInsert: { orgId: bucket.orgId, keyId: bucket.keyId, writer, hour: bucket.hour },
          },
          upsert: true,
        },
      }));
      // The raw collection: mongoose would cast the dynamic count paths; `_id` is a string here, not an ObjectId.
      await (model.collection as unknown as mongo.Collection<ScimTrafficDoc>).bulkWrite(operations, { ordered: false });
    },
    async read(orgId, since) {
      const docs = await model.find({ orgId, hour: { $gte: since } }).lean<ScimTrafficDoc[]>();
      return docs.map((doc): TrafficBucket => ({
        orgId: doc.orgId,
        keyId: doc.keyId,
        hour: doc.hour,
        // A share holds only the fields its `$inc`s named: absent means none.
        counts: doc.counts ?? {},
        shapes: doc.shapes ?? {},
        idps: doc.idps ?? {},
        lastSuccessAt: doc.lastSuccessAt ?? null,
        lastErrors: doc.lastErrors ?? [],
      }));
    },
    async sweep(before) {
      const { deletedCount } = await model.deleteMany({ hour: { $lt: before } });
      return deletedCount;
    },
  };
}
