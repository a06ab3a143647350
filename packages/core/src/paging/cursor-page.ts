import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../users/page-window.ts';
import type { KeysetPage, KeysetPosition } from './keyset.ts';
import { CURSOR_TIMEOUT_SECONDS, issueCursor, readCursor } from './list-cursor.ts';
import type { CursorScope } from './list-cursor.ts';

export type CursorDeps = { clock: Clock; cursorKey: string };

/** A cursor page as procedures return it: `nextCursor` absent on the last page (RFC 9865 §2). */
export type CursorPage<T> = { totalResults: number; items: T[]; nextCursor?: string };

/**
 * RFC 9865 `count`: a positive integer (0 or less → 400 `invalidCount`); default 100; above the
 * page maximum it is lowered to it, as `maxPageSize` says ("regardless of what is specified").
 */
export function cursorCount(count: number | undefined): number {
  if (count === undefined) return DEFAULT_PAGE_SIZE;
  if (count < 1) {
    throw new AppError('BAD_REQUEST', {
      message: `count must be between 1 and ${MAX_PAGE_SIZE} with a cursor`,
      scimType: 'invalidCount',
    });
  }
  return Math.min(Math.floor(count), MAX_PAGE_SIZE);
}

/** What storage is asked for: the page after `after`, and a count of the whole listing only when `withTotal`. */
export type CursorRead<T> = (
  after: KeysetPosition | undefined,
  options: { withTotal: boolean },
) => Promise<KeysetPage<T>>;

/**
 * One page of a cursor walk: reads the position the cursor carries (checked: signature, org,
 * query, age), lets storage read the page after it, and signs where the next page starts.
 * An empty cursor starts the walk. `totalResults` is counted on the first page only and carried
 * in the signed cursor, so every later page costs its `count` rows whatever the listing's size
 * (it stays the total when the walk started; RFC 7644 §3.4.2.4 paging is not a snapshot anyway).
 */
export async function cursorPage<T>(
  deps: CursorDeps,
  options: { scope: CursorScope; cursor: string; read: CursorRead<T> },
): Promise<CursorPage<T>> {
  const { scope, cursor } = options;
  const now = deps.clock.now();
  const state =
    cursor === ''
      ? undefined
      : readCursor(deps.cursorKey, scope, cursor, { now, timeoutSeconds: CURSOR_TIMEOUT_SECONDS });
  // A cursor issued before totals were carried has none: that page counts, and carries it on.
  const page = await options.read(state?.after, { withTotal: state?.total === undefined });
  const totalResults = state?.total ?? page.totalResults ?? 0;
  return {
    totalResults,
    items: page.items,
    ...(page.next ? { nextCursor: issueCursor(deps.cursorKey, scope, page.next, now, totalResults) } : {}),
  };
}
