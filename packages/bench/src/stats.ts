/** Nearest-rank percentile of `values` (any order); NaN when there are none. */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export type LatencySummary = { count: number; p50: number; p99: number };

export const summarize = (latencies: readonly number[]): LatencySummary => ({
  count: latencies.length,
  p50: percentile(latencies, 0.5),
  p99: percentile(latencies, 0.99),
});
