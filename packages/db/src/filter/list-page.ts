import type { ListQuery } from '@provisio/core';
import type { Model } from 'mongoose';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import type { Query } from './field-condition.ts';
import { inOrg } from './in-org.ts';
import { sortSpec } from './sort-spec.ts';
import type { PathResolver } from './targets.ts';
import { translateFilter } from './translate-filter.ts';
import type { TranslateContext } from './translate-filter.ts';
import { ordersInSql } from '../ferretdb/sql-reads.ts';
import type { Equalities, SqlReads } from '../ferretdb/sql-reads.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import { pageIdsFromNearerEnd } from '../ferretdb/nearer-end.ts';
import { pageOfIds } from './page-of-ids.ts';

export type ContainsAll = { field: string; keys: string[] };

export const dig = (doc: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);

/**
 * An array field holding every one of `keys`, as mongoose sends it: the first key as a top-level
 * equality (the one FerretDB pushes down to an index), the others checked beside it.
 */
export function containsAllQuery({ field, keys }: ContainsAll): Record<string, unknown> {
  const [lead, ...rest] = keys;
  if (lead === undefined) return {};
  return { [field]: lead, ...(rest.length ? { $and: rest.map((k) => ({ [field]: k })) } : {}) };
}

/** The query as plain top-level equalities (an unfiltered page, maybe narrowed), else undefined. */
function equalitiesOf(where: Record<string, unknown>): Equalities | undefined {
  const values = Object.values(where);
  return values.every((v) => typeof v === 'string' || typeof v === 'boolean') ? (where as Equalities) : undefined;
}

/** Fields every user or group document holds (`id`, `meta`, the required names): no missing side to read. */
export const ALWAYS_STORED: ReadonlySet<string> = new Set([
  '_id',
  'userNameKey',
  'displayNameKey',
  'createdAt',
  'updatedAt',
]);

/**
 * The docs of one ordered page. RFC 7644 §3.4.2.3 puts missing values last ascending and first
 * descending, where MongoDB puts them first ascending: so a sorted page reads the values' side
 * and the missing side as two queries (each keeps the org and the filter at the top level, as
 * FerretDB needs), the second only when the first ends inside the page. Missing values tie,
 * so they come in `_id` order.
 */
async function orderedDocs<D>(
  model: Model<D>,
  where: (extra?: Query) => Query,
  sort: Record<string, 1 | -1>,
  skip: number,
  limit: number,
): Promise<D[]> {
  const field = Object.keys(sort).find((f) => !ALWAYS_STORED.has(f));
  if (!field) return model.find(where()).sort(sort).skip(skip).limit(limit).lean<D[]>();
  const present = where({ [field]: { $ne: null } });
  const missing = where({ [field]: null });
  const [first, second] = sort[field] === 1 ? [present, missing] : [missing, present];
  const docs = await model.find(first).sort(sort).skip(skip).limit(limit).lean<D[]>();
  if (docs.length === limit) return docs;
  // How many the first side holds: known when this page reached into it, else counted.
  const firstSize = docs.length > 0 || skip === 0 ? skip + docs.length : await model.countDocuments(first);
  const rest = await model
    .find(second)
    .sort(sort)
    .skip(Math.max(0, skip - firstSize))
    .limit(limit - docs.length)
    .lean<D[]>();
  return [...docs, ...rest];
}

export type PageSource<D> = {
  model: Model<D>;
  rows: Model<GroupMemberDoc>;
  resolve: PathResolver;
  orgId: string;
  /** Stored-field conditions ANDed with the filter (state that SCIM does not name). */
  narrow?: Record<string, unknown>;
  /** A stored array that must hold all these keys (the users page search), lead key first. */
  containsAll?: ContainsAll | undefined;
  /** FerretDB+PostgreSQL only (the index companion): orders, skips and counts unfiltered pages in SQL. */
  sql?: SqlReads | undefined;
};

/**
 * What index and cursor pages share: the listing's order, its mongoose query (plus an extra
 * condition) and, for an unfiltered listing, the top-level equalities its SQL form uses.
 */
export async function pageScope<D>(
  source: PageSource<D>,
  query: Pick<ListQuery, 'filter' | 'sortBy' | 'sortOrder'>,
): Promise<{ sort: Record<string, 1 | -1>; whereWith: (extra?: Query) => Query; equals: Equalities | undefined }> {
  const { model, rows, resolve, orgId, narrow, containsAll, sql } = source;
  const ctx: TranslateContext = {
    resolve,
    rowIds: async (key, rowQuery) => (await rows.distinct(key, inOrg(orgId, rowQuery))).map(String),
    scan: async (field, prefilter) => {
      const found = await model.find(inOrg(orgId, prefilter), { [field]: 1 }).lean<Record<string, unknown>[]>();
      return found.map((d) => ({ id: String(d['_id']), value: dig(d, field) }));
    },
  };
  const sort = sortSpec(resolve, query.sortBy, query.sortOrder);
  const filtered = query.filter ? await translateFilter(query.filter, ctx) : {};
  const stated = [filtered, ...(narrow ? [narrow] : [])];
  const searched = containsAll ? [containsAllQuery(containsAll)] : [];
  const whereWith = (extra?: Query) => inOrg(orgId, { $and: [...stated, ...searched, ...(extra ? [extra] : [])] });
  // In SQL, one containment of the whole key list: PostgreSQL intersects the keys' index entries.
  const narrowed = sql && !query.filter ? equalitiesOf(inOrg(orgId, { $and: stated })) : undefined;
  const equals = narrowed && containsAll ? { ...narrowed, [containsAll.field]: containsAll.keys } : narrowed;
  return { sort, whereWith, equals };
}

/** One page of `model` for the org: filter → sort/skip/limit → count when needed. `count: 0` → totals only. */
export async function listPage<D>(
  options: PageSource<D> & { query: ListQuery },
): Promise<{ totalResults: number; docs: D[] }> {
  const { model, orgId, query, sql } = options;
  const { sort, whereWith, equals } = await pageScope(options, query);
  const where = whereWith();
  if (sql && equals) {
    const collection = model.collection.collectionName;
    const request = { collection, equals, sort, offset: query.startIndex - 1, limit: query.count };
    // Past the first page the total is needed anyway: counted first, it lets a page near the end be read
    // from there. An order without a SQL form goes to mongoose, which counts for itself.
    const countFirst = query.count === 0 || (request.offset > 0 && ordersInSql(sort));
    const counted = countFirst ? await sql.count(collection, equals) : undefined;
    const ids = counted === undefined ? await sql.pageIds(request) : await pageIdsFromNearerEnd(sql, request, counted);
    // A short first page is the whole result: no count.
    const total =
      ids && counted === undefined && ids.length >= query.count
        ? await sql.count(collection, equals)
        : (counted ?? ids?.length);
    if (ids && total !== undefined) return { totalResults: total, docs: await docsByIds(model, orgId, ids, sql) };
  }
  const byIds = await pageOfIds(model, sql, where, sort, { skip: query.startIndex - 1, limit: query.count });
  if (byIds) return byIds;
  if (query.count === 0) return { totalResults: await model.countDocuments(where), docs: [] };
  const docs = await orderedDocs(model, whereWith, sort, query.startIndex - 1, query.count);
  // A short first page is the whole result (Okta's and Entra's lookups): no second scan to count.
  if (query.startIndex === 1 && docs.length < query.count) return { totalResults: docs.length, docs };
  return { totalResults: await model.countDocuments(where), docs };
}
