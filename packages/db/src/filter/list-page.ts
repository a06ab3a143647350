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


/** One page of `model` for the org: filter → count → sort/skip/limit. `count: 0` → totals only. */
export async function listPage<D>(options: {
  model: Model<D>;
  rows: Model<GroupMemberDoc>;
  resolve: PathResolver;
  orgId: string;
  query: ListQuery;
}): Promise<{ totalResults: number; docs: D[] }> {
  const { model, rows, resolve, orgId, query } = options;
  const ctx: TranslateContext = {
    resolve,
    rowIds: async (key, rowQuery) => (await rows.distinct(key, inOrg(orgId, rowQuery))).map(String),
    scan: async (field, prefilter) => {
      const found = await model.find(inOrg(orgId, prefilter), { [field]: 1 }).lean<Record<string, unknown>[]>();
      return found.map((d) => ({ id: String(d['_id']), value: dig(d, field) }));
    },
  };
  const sort = sortSpec(resolve, query.sortBy, query.sortOrder);
  const where = inOrg(orgId, query.filter ? await translateFilter(query.filter, ctx) : {});
  const totalResults = await model.countDocuments(where);
  if (query.count === 0 || query.startIndex > totalResults) return { totalResults, docs: [] };
  const docs = await model.find(where).sort(sort).skip(query.startIndex - 1).limit(query.count).lean<D[]>();
  return { totalResults, docs };
}
