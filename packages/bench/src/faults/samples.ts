import type { Cluster } from './cluster.ts';

/** A gauge's value (summed over label sets) from Prometheus text; NaN when absent. */
export function gauge(text: string, name: string): number {
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.length ? values.reduce((a, b) => a + b, 0) : Number.NaN;
}

/**
 * The servers' `eventLoopMonitoringPrecision` (apps/server/src/http/metrics.ts): Node's delay
 * histogram records each interval whole, so an idle process reads this much (p50 20.1 ms at 20 ms).
 */
export const LOOP_MONITOR_RESOLUTION_MS = 20;

export type Sample = {
  at: number;
  /** Resident memory of every server and worker, MB. */
  rssMb: number;
  /** The worst server's event-loop delay p99 since the last scrape, ms (the monitor's own interval taken off). */
  loopP99Ms: number;
  /** Active handles, summed over servers and workers. */
  handles: number;
  /** Connections to the database through its proxy. */
  dbConnections: number;
  /** Clients connected to Redis (the harness's own included). */
  redisClients: number;
};

/** One reading of the processes' resources. */
export async function sample(cluster: Cluster, startedAt: number): Promise<Sample> {
  const procs = [...cluster.replicas, ...cluster.workers];
  const texts = await Promise.all(
    procs.map((p) =>
      fetch(p.metricsUrl, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.text(),
        () => '',
      ),
    ),
  );
  const serverTexts = texts.slice(0, cluster.replicas.length);
  const info = await cluster.redisInfo('clients').catch(() => '');
  return {
    at: (performance.now() - startedAt) / 1000,
    rssMb: procs.reduce((sum, p) => sum + p.proc.rssMb(), 0),
    loopP99Ms: Math.max(
      ...serverTexts.map((t) => gauge(t, 'nodejs_eventloop_lag_p99_seconds') * 1000 - LOOP_MONITOR_RESOLUTION_MS),
    ),
    handles: texts.reduce((sum, t) => sum + gauge(t, 'nodejs_active_handles_total'), 0),
    dbConnections: cluster.dbProxy.connections(),
    redisClients: Number(/connected_clients:(\d+)/.exec(info)?.[1] ?? Number.NaN),
  };
}
