import type { UserEvent, UserEventStore } from '@provisio/core/events';
import type { Model } from 'mongoose';
import type { UserEventDoc } from './user-event-model.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

const toEvent = ({ _id, at, ...rest }: UserEventDoc): UserEvent => ({ id: _id, at: at.toISOString(), ...rest });

export function createUserEventStore(model: Model<UserEventDoc>, reads: { sql?: SqlReads } = {}): UserEventStore {
  return {
    async append({ id, at, ...rest }) {
      await model.collection.insertOne({ _id: id, at: new Date(at), ...rest } as never);
    },
    async remove(orgId, id) {
      await model.deleteOne({ _id: id, orgId });
    },
    async listBetween(orgId, { after, before, limit }) {
      // FerretDB+PostgreSQL: the range and order run in SQL on the (orgId, _id) index; MongoDB: the query below.
      const ids = await reads.sql?.pageIds({
        collection: model.collection.collectionName,
        equals: { orgId },
        sort: { _id: 1 },
        offset: 0,
        limit,
        idsBetween: { after, before },
      });
      if (ids) return (await docsByIds(model, orgId, ids)).map(toEvent);
      const docs = await model
        .find({ orgId, _id: { $gt: after, $lt: before } })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<UserEventDoc[]>();
      return docs.map(toEvent);
    },
    async deleteBefore(before, limit) {
      const ids = await model
        .find({ _id: { $lt: before } }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>();
      if (ids.length === 0) return 0;
      const { deletedCount } = await model.deleteMany({ _id: { $in: ids.map((d) => d._id) } });
      return deletedCount;
    },
  };
}
