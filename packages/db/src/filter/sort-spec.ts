import { AppError } from '@provisio/core';
import type { AttrPath, SortOrder } from '@provisio/core';
import type { PathResolver } from './targets.ts';

function parseSortPath(sortBy: string): AttrPath {
  let uri: string | undefined;
  let rest = sortBy;
  if (sortBy.toLowerCase().startsWith('urn:')) {
    uri = sortBy.slice(0, sortBy.lastIndexOf(':'));
    rest = sortBy.slice(sortBy.lastIndexOf(':') + 1);
  }
  const [attr = '', sub, extra] = rest.split('.');
  if (extra !== undefined) return { attr: '' };
  return { ...(uri ? { uri } : {}), attr, ...(sub ? { sub } : {}) };
}

/**
 * RFC 7644 §3.4.2.3 sorting on a single-valued attribute, by its stored comparison form
 * (so `userName` sorts without case), always tie-broken by `_id` for a stable order.
 * Without `sortBy`: `_id`, i.e. creation order (UUIDv7). Missing values go last ascending
 * and first descending, as the RFC says (`listPage` reads the two sides apart).
 */
export function sortSpec(
  resolve: PathResolver,
  sortBy: string | undefined,
  sortOrder: SortOrder | undefined,
): Record<string, 1 | -1> {
  const dir = sortOrder === 'descending' ? -1 : 1;
  if (!sortBy) return { _id: dir };
  const path = parseSortPath(sortBy);
  const parent = path.sub !== undefined ? resolve({ ...path, sub: undefined }) : undefined;
  const target = path.attr ? resolve(path) : undefined;
  const multi = parent && (parent.kind === 'rows' || (parent.kind === 'complex' && parent.multiValued));
  if (!target || target.kind !== 'field' || multi) {
    throw new AppError('BAD_REQUEST', { message: `cannot sort by '${sortBy}'`, scimType: 'invalidValue' });
  }
  return target.field === '_id' ? { _id: dir } : { [target.field]: dir, _id: 1 };
}
