import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Registry } from 'prom-client';

/**
 * The registry's text, as `registry.metrics()` renders it, but one metric at a time with the
 * event loop free to run between them. `metrics()` renders all ~48 KB in one go, which held the
 * loop 81 ms (p90) on a starved CPU (pnpm faults): requests waited behind every scrape. Fresh on
 * every scrape (benchmarks read counts before and after short phases).
 */
export async function renderMetrics(registry: Registry): Promise<string> {
  const parts: string[] = [];
  for (const metric of registry.getMetricsAsArray()) {
    parts.push(await registry.getSingleMetricAsString(metric.name));
    await nextTurn();
  }
  return `${parts.join('\n\n')}\n`;
}
