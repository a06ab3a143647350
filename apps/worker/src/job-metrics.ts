import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Jobs processed and failed by name, and jobs waiting (read from Redis at scrape time). */
export function createJobMetrics(queue: Queue) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const processed = new Counter({
    name: 'jobs_processed_total',
    help: 'Jobs completed',
    labelNames: ['name'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'jobs_failed_total',
    help: 'Job attempts that failed',
    labelNames: ['name'],
    registers: [registry],
  });
  new Gauge({
    name: 'jobs_waiting',
    help: 'Jobs waiting or delayed in the queue',
    registers: [registry],
    async collect() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
      this.set(Object.values(counts).reduce((a, b) => a + b, 0));
    },
  });

  let server: ReturnType<typeof createServer> | undefined;
  return {
    registry,
    processed,
    failed,
    /** Serves `/metrics` (and `/healthz`) on its own port; returns the port. */
    async listen(port: number, host = '127.0.0.1'): Promise<number> {
      server = createServer((req, res) => {
        if (req.url === '/metrics') {
          void registry
            .metrics()
            .then((body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body));
        } else if (req.url === '/healthz') {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
        } else res.writeHead(404).end();
      });
      await new Promise<void>((resolve, reject) => server?.once('error', reject).listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
