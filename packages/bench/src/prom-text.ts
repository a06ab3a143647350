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

/** A histogram's cumulative bucket counts by upper bound (`+Inf` as Infinity), summed over its label sets. */
export type Buckets = Map<number, number>;

const BUCKET = /^(\w+)_bucket\{([^}]*)\} ([\d.eE+-]+)$/;

/** The buckets of histogram `name` from Prometheus text, over the label sets whose labels `keep` accepts. */
export function histogramBuckets(
  text: string,
  name: string,
  keep: (labels: Record<string, string>) => boolean = () => true,
): Buckets {
  const buckets: Buckets = new Map();
  for (const line of text.split('\n')) {
    const match = BUCKET.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Record<string, string> = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    if (!keep(labels)) continue;
    const le = labels['le'] === '+Inf' ? Number.POSITIVE_INFINITY : Number(labels['le']);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[3]));
  }
  return buckets;
}

/**
 * The `q` quantile of what was observed between two readings, as the upper bound of the bucket
 * it falls in (Infinity: above the last bound; NaN when nothing was observed).
 */
export function quantileBetween(before: Buckets, after: Buckets, q: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const delta = (le: number) => (after.get(le) ?? 0) - (before.get(le) ?? 0);
  const total = delta(Number.POSITIVE_INFINITY);
  if (!(total > 0)) return Number.NaN;
  return bounds.find((le) => delta(le) >= q * total) ?? Number.POSITIVE_INFINITY;
}
