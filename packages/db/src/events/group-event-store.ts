import type { GroupEvent, GroupEventStore } from '@provisio/core/events';
import type { Model } from 'mongoose';
import type { GroupEventDoc } from './group-event-model.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

const toEvent = ({ _id, at, ...rest }: GroupEventDoc): GroupEvent => ({ id: _id, at: at.toISOString(), ...rest });

/** The group log: the same reads as the user log (createUserEventStore), appends of many at once. */
export function createGroupEventStore(model: Model<GroupEventDoc>, reads: { sql?: SqlReads } = {}): GroupEventStore {
  return {
    async append(events) {
      if (events.length === 0) return;
      await model.collection.insertMany(
        events.map(({ id, at, ...rest }) => ({ _id: id, at: new Date(at), ...rest }) as never),
        { ordered: true },
      );
    },
    async remove(orgId, ids) {
      if (ids.length)
        await model.collection.bulkWrite(ids.map((_id) => ({ deleteOne: { filter: { _id, orgId } as never } })));
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
        .lean<GroupEventDoc[]>();
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
