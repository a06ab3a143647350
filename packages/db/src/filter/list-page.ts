import type { ListQuery } from '@provisio/core';
import type { Model } from 'mongoose';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import { inOrg } from './in-org.ts';
import { sortSpec } from './sort-spec.ts';
import type { PathResolver } from './targets.ts';
import { translateFilter } from './translate-filter.ts';
import type { TranslateContext } from './translate-filter.ts';


const dig = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);


/** One page of `model` for the org: filter → sort/skip/limit → count when needed. `count: 0` → totals only. */
export async function listPage<D>(options: {
  model: Model<D>;
  rows: Model<GroupMemberDoc>;
  resolve: PathResolver;
  orgId: string;
  query: ListQuery;
  /** Stored-field conditions ANDed with the filter (state that SCIM does not name). */
  narrow?: Record<string, unknown>;
}): Promise<{ totalResults: number; docs: D[] }> {
  const { model, rows, resolve, orgId, query, narrow } = options;
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
  const where = inOrg(orgId, narrow ? { $and: [filtered, narrow] } : filtered);
  if (query.count === 0) return { totalResults: await model.countDocuments(where), docs: [] };
  const docs = await model.find(where).sort(sort).skip(query.startIndex - 1).limit(query.count).lean<D[]>();
  // A short first page is the whole result (Okta's and Entra's lookups): no second scan to count.
  if (query.startIndex === 1 && docs.length < query.count) return { totalResults: docs.length, docs };
  return { totalResults: await model.countDocuments(where), docs };
}
