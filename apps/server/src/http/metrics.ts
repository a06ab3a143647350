import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { renderMetrics } from './render-metrics.ts';
import { countingRoundTrips } from './round-trips.ts';
import type { RoundTrips } from './round-trips.ts';

/** One bucket per count up to 40, so a test and the benchmark read exact per-request figures. */
const COUNT_BUCKETS = [...Array.from({ length: 41 }, (_, i) => i), 50, 75, 100, 150, 200];

/** One registry per server instance (tests start several), with default process metrics and event-loop lag. */
export function createHttpMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const roundTripLabels = ['method', 'route'] as const;
  const dbRoundTrips = new Histogram({
    name: 'provisio_request_db_round_trips',
    help: 'Database commands sent per request',
    labelNames: roundTripLabels,
    buckets: COUNT_BUCKETS,
    registers: [registry],
  });
  const redisCommands = new Histogram({
    name: 'provisio_request_redis_commands',
    help: 'Redis commands sent per request',
    labelNames: roundTripLabels,
    buckets: COUNT_BUCKETS,
    registers: [registry],
  });

  /** Labels by the matched route pattern, never the raw URL, so ids don't explode cardinality. */
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    const counts: RoundTrips = { db: 0, redis: 0 };
    res.once('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const route = routePath ? `${req.baseUrl}${routePath}` : req.baseUrl || 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      requests.inc(labels);
      end(labels);
      dbRoundTrips.observe({ method: req.method, route }, counts.db);
      redisCommands.observe({ method: req.method, route }, counts.redis);
    });
    // The rest of the request runs inside its own count (see round-trips.ts).
    countingRoundTrips(counts, next);
  };

  let server: Server | undefined;
  return {
    registry,
    middleware,
    /**
     * Serves `/metrics` on its own port (loopback by default), never on the public one:
     * route names, volumes and process figures are for the operator's scraper only. Rendered a
     * metric at a time (render-metrics.ts), so a scrape does not hold up requests.
     */
    async listen(port: number, host = '127.0.0.1'): Promise<number> {
      server = createServer((req, res) => {
        if (req.url !== '/metrics') return void res.writeHead(404).end();
        renderMetrics(registry).then(
          (body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body),
          () => res.writeHead(500).end(),
        );
      });
      await new Promise<void>((resolve, reject) => server?.once('error', reject).listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
