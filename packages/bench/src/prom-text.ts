export type HistogramTotals = Map<string, { sum: number; count: number }>;

/** `METHOD route`: how the benchmark names a request type in the metrics. */
export const routeKey = (method: string, route: string) => `${method} ${route}`;

const LINE = /^(\w+)_(sum|count)\{([^}]*)\} ([\d.eE+-]+)$/;

/** The `_sum` and `_count` of histogram `name` per method and route, from Prometheus text. */
export function histogramTotals(text: string, name: string): HistogramTotals {
  const totals: HistogramTotals = new Map();
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Record<string, string> = Object.fromEntries(
      [...(match[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const key = routeKey(labels['method'] ?? '', labels['route'] ?? '');
    const entry = totals.get(key) ?? { sum: 0, count: 0 };
    entry[match[2] as 'sum' | 'count'] += Number(match[4]);
    totals.set(key, entry);
  }
  return totals;
}

/** Per request of `key` between two readings: the mean of what was observed in between (NaN when none). */
export function meanBetween(before: HistogramTotals, after: HistogramTotals, key: string): number {
  const a = after.get(key) ?? { sum: 0, count: 0 };
  const b = before.get(key) ?? { sum: 0, count: 0 };
  const count = a.count - b.count;
  return count > 0 ? (a.sum - b.sum) / count : Number.NaN;
}
