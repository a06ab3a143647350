import type { FilterNode, SortOrder } from '../users/filter-ast.ts';

/**
 * Where a keyset page ends: the last row's id and the stored value it was sorted by (absent
 * when the order is by id alone; null when the row has no value). Dates travel as ISO text
 * with `date: true`. Opaque to core: storage makes it and reads it back.
 */
export type KeysetPosition = { id: string; value?: string | number | boolean | null; date?: true };

/** A page read after a position (never by offset), in the listing's stable order. */
export type KeysetQuery = {
  filter?: FilterNode;
  /** A SCIM attribute path; default: creation order (id). */
  sortBy?: string;
  sortOrder?: SortOrder;
  /** Rows after this one; absent: from the start. */
  after?: KeysetPosition;
  /** 1..1000. */
  count: number;
  /** Count the whole listing (`totalResults`); false on pages whose cursor carries the total. Default true. */
  withTotal?: boolean;
};

/** `next` is where the following page starts, null on the last page; `totalResults` absent when not asked for. */
export type KeysetPage<T> = { totalResults?: number; items: T[]; next: KeysetPosition | null };
