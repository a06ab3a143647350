/**
 * The SCIM filter AST as storage receives it. A structural copy of the fixed contract in
 * `@provisio/scim` (`filter/ast.ts`), because core depends on no other internal package;
 * api asserts with a type test that the two stay identical.
 */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterValue = string | number | boolean | null;

export type AttrPath = { uri?: string; attr: string; sub?: string };

export type FilterNode =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; filter: FilterNode }
  | { kind: 'valuePath'; path: AttrPath; filter: FilterNode };

export const SORT_ORDERS = ['ascending', 'descending'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One page of a filtered, sorted listing (RFC 7644 §3.4.2). */
export type ListQuery = {
  filter?: FilterNode;
  /** A SCIM attribute path (`userName`, `meta.created`, …); default: creation order. */
  sortBy?: string;
  sortOrder?: SortOrder;
  /** 1-based; already clamped to ≥ 1. */
  startIndex: number;
  /** Already clamped to 0..1000; 0 asks for the total only. */
  count: number;
};

export type ListPage<T> = { totalResults: number; startIndex: number; items: T[] };
