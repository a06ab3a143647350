import type { ListQuery, ListQueryOptions } from './list-query.ts';
import { normaliseListParams } from './list-query.ts';

export type QueryInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

const NAMES = [
  'filter',
  'startIndex',
  'count',
  'sortBy',
  'sortOrder',
  'attributes',
  'excludedAttributes',
  'cursor',
] as const;

/**
 * GET list query → ListQuery. Parameter names are matched case-insensitively; a repeated
 * parameter uses its first value (attributes lists are joined).
 */
export function parseListQuery(query: QueryInput, opts: ListQueryOptions): ListQuery {
  const entries: [string, string | readonly string[] | undefined][] =
    query instanceof URLSearchParams ? [...query.keys()].map((k) => [k, query.getAll(k)]) : Object.entries(query);
  const raw: Record<string, unknown> = {};
  for (const name of NAMES) {
    const hit = entries.find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (!hit) continue;
    const value = hit[1];
    const list = typeof value === 'string' ? [value] : (value ?? []);
    raw[name] = name === 'attributes' || name === 'excludedAttributes' ? list.join(',') : list[0];
  }
  return normaliseListParams(raw, opts);
}
