import { badRequest } from '../errors/scim-error.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import { URN } from '../schema/urns.ts';
import type { ListQuery, ListQueryOptions, RawListParams } from './list-query.ts';
import { normaliseListParams } from './list-query.ts';

/**
 * POST `/.search` SearchRequest body (RFC 7644 §3.4.3) → ListQuery. Numbers may come as
 * strings; a missing `schemas` is tolerated, a wrong one is refused.
 */
export function parseSearchRequest(body: unknown, opts: ListQueryOptions): ListQuery {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A SearchRequest must be a JSON object');
  const get = (name: string) => Object.entries(body).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const schemas = get('schemas');
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(URN.searchRequest))) {
    throw badRequest('invalidSyntax', `'schemas' must contain ${URN.searchRequest}`);
  }
  const raw: RawListParams = {
    filter: get('filter'),
    startIndex: get('startIndex'),
    count: get('count'),
    sortBy: get('sortBy'),
    sortOrder: get('sortOrder'),
    attributes: get('attributes'),
    excludedAttributes: get('excludedAttributes'),
    cursor: get('cursor'),
  };
  return normaliseListParams(raw, opts);
}
