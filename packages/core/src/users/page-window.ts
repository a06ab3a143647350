export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/**
 * RFC 7644 §3.4.2.4: `startIndex` < 1 reads as 1; a negative `count` as 0 (totals only);
 * `count` defaults to 100 and is clamped to 1000.
 */
export function pageWindow(input: { startIndex?: number; count?: number }): { startIndex: number; count: number } {
  const startIndex = Math.max(1, Math.floor(input.startIndex ?? 1));
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(input.count ?? DEFAULT_PAGE_SIZE)));
  return { startIndex, count };
}
