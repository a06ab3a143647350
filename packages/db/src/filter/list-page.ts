import type { ListQuery } from '@provisio/core';
import type { Model } from 'mongoose';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import { inOrg } from './in-org.ts';
import { sortSpec } from './sort-spec.ts';
import type { PathResolver } from './targets.ts';
import { translateFilter } from './translate-filter.ts';
import type { TranslateContext } from './translate-filter.ts';
import type { Equalities, SqlReads } from '../ferretdb/sql-reads.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';

export type ContainsAll = { field: string; keys: string[] };

const dig = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);

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

/** One page of `model` for the org: filter → sort/skip/limit → count when needed. `count: 0` → totals only. */
export async function listPage<D>(options: {
  model: Model<D>;
  rows: Model<GroupMemberDoc>;
  resolve: PathResolver;
  orgId: string;
  query: ListQuery;
  /** Stored-field conditions ANDed with the filter (state that SCIM does not name). */
  narrow?: Record<string, unknown>;
  /** A stored array that must hold all these keys (the users page search), lead key first. */
  containsAll?: ContainsAll | undefined;
  /** FerretDB+PostgreSQL only (the index companion): orders, skips and counts unfiltered pages in SQL. */
  sql?: SqlReads | undefined;
}): Promise<{ totalResults: number; docs: D[] }> {
  const { model, rows, resolve, orgId, query, narrow, containsAll, sql } = options;
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
  const parts = [filtered, ...(narrow ? [narrow] : [])];
  const plain = inOrg(orgId, parts.length > 1 ? { $and: parts } : filtered);
  const where = containsAll ? inOrg(orgId, { $and: [...parts, containsAllQuery(containsAll)] }) : plain;
  // In SQL, one containment of the whole key list: PostgreSQL intersects the keys' index entries.
  const narrowed = sql && !query.filter ? equalitiesOf(plain) : undefined;
  const equals = narrowed && containsAll ? { ...narrowed, [containsAll.field]: containsAll.keys } : narrowed;
  if (sql && equals) {
    const collection = model.collection.collectionName;
    const count = () => sql.count(collection, equals);
    const ids = query.count === 0 ? [] : await sql.pageIds({ collection, equals, sort, offset: query.startIndex - 1, limit: query.count });
    const total = ids && (query.count === 0 || query.startIndex > 1 || ids.length >= query.count) ? await count() : ids?.length;
    if (ids && total !== undefined) return { totalResults: total, docs: await docsByIds(model, orgId, ids) };
  }
  if (query.count === 0) return { totalResults: await model.countDocuments(where), docs: [] };
  const docs = await model.find(where).sort(sort).skip(query.startIndex - 1).limit(query.count).lean<D[]>();
  // A short first page is the whole result (Okta's and Entra's lookups): no second scan to count.
  if (query.startIndex === 1 && docs.length < query.count) return { totalResults: docs.length, docs };
  return { totalResults: await model.countDocuments(where), docs };
}
