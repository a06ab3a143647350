import { URN } from '../schema/urns.ts';

export type ListResponse<T> = {
  schemas: [typeof URN.listResponse];
  totalResults: number;
  /** Absent on cursor pages (RFC 9865): they have no index. */
  startIndex?: number;
  itemsPerPage: number;
  Resources: T[];
  nextCursor?: string;
  previousCursor?: string;
};

function int(name: string, n: number): number {
  // Okta: "exchanged as integers, not as strings".
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`${name} must be a non-negative integer`);
  return n;
}

/**
 * ListResponse (RFC 7644 §3.4.2) with integer counters; `itemsPerPage` is the page's size. A
 * cursor page (RFC 9865, `cursorPaged`) has `nextCursor` until the last page and no `startIndex`.
 */
export function buildListResponse<T>(opts: {
  resources: readonly T[];
  totalResults: number;
  startIndex?: number;
  cursorPaged?: boolean;
  nextCursor?: string;
  previousCursor?: string;
}): ListResponse<T> {
  const body: ListResponse<T> = {
    schemas: [URN.listResponse],
    totalResults: int('totalResults', opts.totalResults),
    ...(opts.cursorPaged ? {} : { startIndex: Math.max(1, int('startIndex', opts.startIndex ?? 1)) }),
    itemsPerPage: opts.resources.length,
    Resources: [...opts.resources],
  };
  if (opts.nextCursor !== undefined) body.nextCursor = opts.nextCursor;
  if (opts.previousCursor !== undefined) body.previousCursor = opts.previousCursor;
  return body;
}
