import { buildListResponse, printAttrPath, printFilter, URN } from '@provisio/scim';
import type { ListQuery } from '@provisio/scim';

const CORE = new Set<string>([URN.user, URN.group]);

/** An AttrPath back to the text the procedures take (`meta.created`, `urn:…:employeeNumber`); core URNs dropped. */
function sortPath({ uri, attr, sub }: NonNullable<ListQuery['sortBy']>): string {
  return printAttrPath({
    attr,
    ...(sub !== undefined ? { sub } : {}),
    ...(uri !== undefined && !CORE.has(uri) ? { uri } : {}),
  });
}

/**
 * The list input of `users.search` / `groups.list`. parseListQuery already validated it (so a
 * bad filter is a 400 before any procedure runs); the procedures take the filter as text.
 * A `cursor` parameter, even empty, asks for RFC 9865 cursor paging; without one, index paging.
 */
export function listPage(query: ListQuery) {
  return {
    ...(query.filter ? { filter: printFilter(query.filter) } : {}),
    ...(query.sortBy ? { sortBy: sortPath(query.sortBy), sortOrder: query.sortOrder ?? 'ascending' } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : { startIndex: query.startIndex }),
    count: query.count,
  };
}

/** ListResponse with integer counters: `startIndex` echoes the (clamped) request; a cursor page carries `nextCursor` instead. */
export function listResponse<T>(
  page: { totalResults: number; startIndex?: number | undefined; nextCursor?: string | undefined },
  resources: readonly T[],
) {
  const { totalResults, startIndex, nextCursor } = page;
  if (startIndex !== undefined) return buildListResponse({ resources, totalResults, startIndex });
  return buildListResponse({ resources, totalResults, cursorPaged: true, ...(nextCursor ? { nextCursor } : {}) });
}
