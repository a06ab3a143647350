import type { EventLogStore } from '@provisio/core/events';
import type { Model } from 'mongoose';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { deleteOldest } from '../writes/delete-oldest.ts';

/** How an event log stores an event: `_id` is the event id, `at` a Date. */
type EventDoc = { _id: string; orgId: string; at: Date };
type LoggedEvent = { id: string; orgId: string; at: string };

/**
 * An event log (`user_events`, `group_events`) on its collection: appends of the events of
 * one write, org-scoped id pages, and the retention sweep's deletes by id.
 */
export function createEventLogStore<E extends LoggedEvent, D extends EventDoc>(
  model: Model<D>,
  reads: { sql?: SqlReads } = {},
): EventLogStore<E> {
  const toEvent = ({ _id, at, ...rest }: D) => ({ id: _id, at: at.toISOString(), ...rest }) as unknown as E;
  return {
    async append(events) {
      if (events.length === 0) return;
      await model.collection.insertMany(
        events.map(({ id, at, ...rest }) => ({ _id: id, at: new Date(at), ...rest }) as never),
        { ordered: true },
      );
    },
    async remove(orgId, ids) {
      // One `_id` equality each: FerretDB serves it from the index, where it filters `$in` row by row.
      if (ids.length)
        await model.collection.bulkWrite(ids.map((_id) => ({ deleteOne: { filter: { _id, orgId } as never } })));
    },
    async listBetween(orgId, { after, before, limit }) {
      // FerretDB+PostgreSQL: the range and order run in SQL on the (orgId, _id) index; MongoDB: the query below.
      const sql = reads.sql;
      const ids = await sql?.pageIds({
        collection: model.collection.collectionName,
        equals: { orgId },
        sort: { _id: 1 },
        offset: 0,
        limit,
        idsBetween: { after, before },
      });
      if (sql && ids) return (await docsByIds(model, orgId, ids, sql)).map(toEvent);
      const docs = await model
        .find({ orgId, _id: { $gt: after, $lt: before } })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<D[]>();
      return docs.map(toEvent);
    },
    deleteBefore(before, limit) {
      return deleteOldest(model, reads.sql, { idBelow: before }, limit);
    },
  };
}
