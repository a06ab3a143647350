import type { PageRequest, SqlReads } from './sql-reads.ts';

/** The exact reverse of an order: each key flipped (ascending, missing last ↔ descending, missing first), ties too. */
export const reversedSort = (sort: Record<string, 1 | -1>): Record<string, 1 | -1> =>
  Object.fromEntries(Object.entries(sort).map(([field, dir]) => [field, dir === 1 ? -1 : 1]));

/**
 * How to read an offset page of `total` rows with the fewest rows skipped. PostgreSQL walks an
 * OFFSET row by row, so page N costs N pages, and the last page of 100,000 users took 1.2 s
 * against 0.3 s for the first. A page nearer the end is read in the reversed order from the
 * end, then turned back: the last page costs what the first does, and no page more than half.
 * `reversed` says the ids come back in the reversed order.
 */
export function nearerEnd(request: PageRequest, total: number): { request: PageRequest; reversed: boolean } | null {
  const { offset, limit } = request;
  const remaining = total - offset;
  if (remaining <= 0 || limit === 0) return null;
  // Forward reads offset + limit rows; from the end, the remaining ones.
  if (remaining >= offset + limit) return { request, reversed: false };
  const take = Math.min(limit, remaining);
  return {
    request: { ...request, sort: reversedSort(request.sort), offset: remaining - take, limit: take },
    reversed: true,
  };
}

/** The ids of an offset page of `total` rows, in the page's order, read from the nearer end (`undefined`: no SQL form). */
export async function pageIdsFromNearerEnd(sql: SqlReads, request: PageRequest, total: number) {
  const plan = nearerEnd(request, total);
  if (!plan) return [];
  const ids = await sql.pageIds(plan.request);
  return plan.reversed ? ids?.reverse() : ids;
}
