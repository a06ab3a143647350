import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

/**
 * A retention sweep's batch: deletes the `limit` oldest documents of a collection whose `_id`s
 * (UUIDv7s: time-ordered) sort below `beforeId`, across orgs. Returns how many went.
 *
 * On FerretDB an `_id` range, its order and an `_id $in` are all filtered in Go after reading the
 * whole table (an audit ledger grows by one row per SCIM request). With the companion the ids come
 * from one SQL range read on its `_id` btree (ID_ORDER_COLLECTIONS), and each delete is an `_id`
 * equality, which FerretDB serves from the `_id` index: a batch costs the same at any table size.
 * On MongoDB the same find and deletes use its `_id` index.
 */
export async function deleteIdsBefore<D>(
  model: Model<D>,
  sql: SqlReads | undefined,
  beforeId: string,
  limit: number,
): Promise<number> {
  const ids =
    (await sql?.pageIds({
      collection: model.collection.collectionName,
      equals: {},
      sort: { _id: 1 },
      offset: 0,
      limit,
      idsBetween: { after: '', before: beforeId },
    })) ??
    (
      await model
        .find({ _id: { $lt: beforeId } } as never, { _id: 1 })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>()
    ).map((d) => d._id);
  if (ids.length === 0) return 0;
  const { deletedCount } = await model.collection.bulkWrite(
    ids.map((_id) => ({ deleteOne: { filter: { _id } as never } })),
    { ordered: false },
  );
  return deletedCount;
}
