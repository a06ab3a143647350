import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

/**
 * How a retention sweep tells old rows: by a time-ordered `_id` (UUIDv7s) below `idBelow`, or
 * by a date `field` before `before` (rows whose `_id` is not time-ordered, such as claims).
 */
export type Age = { idBelow: string } | { field: string; before: Date };

/**
 * A retention sweep's batch: deletes the `limit` oldest documents of a collection that `age`
 * names, across orgs. Returns how many went.
 *
 * On FerretDB a range, its order and an `_id $in` are all filtered in Go after reading the whole
 * table (an audit ledger grows by one row per SCIM request, claims by one per document). With the
 * companion the ids come from one SQL range read on a btree (the companion's `_id` btree,
 * ID_ORDER_COLLECTIONS, or FerretDB's own on the date field), and each delete is an `_id`
 * equality, which FerretDB serves from the `_id` index: a batch costs the same at any table size.
 * On MongoDB the same find and deletes use its indexes.
 */
export async function deleteOldest<D>(
  model: Model<D>,
  sql: SqlReads | undefined,
  age: Age,
  limit: number,
): Promise<number> {
  const collection = model.collection.collectionName;
  const fromSql =
    'idBelow' in age
      ? sql?.pageIds({
          collection,
          equals: {},
          sort: { _id: 1 },
          offset: 0,
          limit,
          idsBetween: { before: age.idBelow },
        })
      : sql?.idsDatedBefore({ collection, field: age.field, before: age.before, limit });
  const [field, below] = 'idBelow' in age ? ['_id', age.idBelow] : [age.field, age.before];
  const ids =
    (await fromSql) ??
    (
      await model
        .find({ [field]: { $lt: below } } as never, { _id: 1 })
        .sort({ [field]: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>()
    ).map((d) => d._id);
  if (ids.length === 0) return 0;
  // A date is checked again as each row goes (FerretDB finds the row by `_id`, then tests it): a
  // claim released and taken afresh since the read must stay. An `_id` cannot change.
  const stillOld = 'idBelow' in age ? {} : { [age.field]: { $lt: age.before } };
  const { deletedCount } = await model.collection.bulkWrite(
    ids.map((_id) => ({ deleteOne: { filter: { _id, ...stillOld } as never } })),
    { ordered: false },
  );
  return deletedCount;
}
