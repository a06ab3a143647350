import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { Query } from './field-condition.ts';
import { findAnyOf } from './find-any-of.ts';

/**
 * Up to this many ids, a filter that came back as an id list (a value path such as Entra's
 * `emails[type eq "work"].value eq "x"`, `members eq`, `groups eq`) is read one `_id` equality
 * each; past it, one read of the org costs less than the probes.
 */
const PAGE_OF_IDS_UP_TO = 1_000;

/** The ids of a query narrowed to an `_id $in` list at its top level, else undefined. */
function idsNamedBy(where: Query): string[] | undefined {
  const id = where['_id'];
  if (!id || typeof id !== 'object' || Object.keys(id).length !== 1) return undefined;
  const list = (id as Record<string, unknown>)['$in'];
  return Array.isArray(list) && list.every((v): v is string => typeof v === 'string') ? list : undefined;
}

/**
 * The page of a query narrowed to a short `_id` list, in `_id` order, with its total: the
 * documents read by `_id` (`findAnyOf`), the rest of the query checked on each, ordered here.
 * A cursor page (`afterId`) starts past that id; the total counts the whole list either way.
 * FerretDB pushes no `$in` down: `{ orgId, _id: { $in: [one id] } }` read every document of the
 * org (3 s at 20,000 users for one email lookup). Undefined when this path does not apply: no
 * companion (MongoDB serves `$in` from its index), a longer list, or another order.
 */
export async function pageOfIds<D>(
  model: Model<D>,
  sql: SqlReads | undefined,
  where: Query,
  sort: Record<string, 1 | -1>,
  page: { skip: number; limit: number; afterId?: string | undefined },
): Promise<{ totalResults: number; docs: D[] } | undefined> {
  const ids = idsNamedBy(where);
  const dir = sort['_id'];
  if (!sql || !ids || ids.length > PAGE_OF_IDS_UP_TO || Object.keys(sort).length !== 1 || dir === undefined)
    return undefined;
  const { _id: _named, ...rest } = where;
  const docs = await findAnyOf(model, { where: rest, field: '_id', values: ids }, sql);
  // Byte order, as MongoDB compares strings (ids are ASCII UUIDs, where code unit order is the same).
  const idOf = (doc: D) => String((doc as { _id: unknown })._id);
  docs.sort((a, b) => (idOf(a) < idOf(b) ? -dir : idOf(a) > idOf(b) ? dir : 0));
  const { afterId } = page;
  const ahead = afterId === undefined ? docs : docs.filter((d) => (dir === 1 ? idOf(d) > afterId : idOf(d) < afterId));
  return { totalResults: docs.length, docs: ahead.slice(page.skip, page.skip + page.limit) };
}
