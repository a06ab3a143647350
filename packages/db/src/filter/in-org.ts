import type { Query } from './field-condition.ts';

/**
 * Every query starts with the org: the tenant boundary is in the query, not in the caller.
 * Plain conditions are merged into the top level rather than nested under `$and`, because
 * FerretDB pushes only top-level field conditions down to its database: under `$and` even
 * `userNameKey` equality is filtered in Go after reading every document of the org
 * (measured: ~110 s instead of ~0.5 s for one lookup among 10,000 users).
 */
const conjuncts = (q: Query): Query[] =>
  Object.keys(q).length === 1 && Array.isArray(q['$and']) ? (q['$and'] as Query[]).flatMap(conjuncts) : [q];

export function inOrg(orgId: string, where: Query): Query {
  const parts = conjuncts(where);
  const merged: Query = { orgId };
  const rest: Query[] = [];
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key.startsWith('$') || key in merged) rest.push({ [key]: value });
      else merged[key] = value;
    }
  }
  if (rest.length) merged['$and'] = rest;
  return merged;
}
