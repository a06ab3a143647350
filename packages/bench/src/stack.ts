import { resolve } from 'node:path';
import { freePort, startNodeProcess } from './node-process.ts';
import { cpuMsOf, databaseCpuOf } from './proc-cpu.ts';
import { ROOT } from './services.ts';

/** The server's platform token in the benchmark (any 32+ characters). */
export const PLATFORM_TOKEN = 'bench-platform-token-0123456789abcdef';

/** How the benchmark runs a server: production mode, quiet logs, its own ports, queue and public URL. */
export const benchServerEnv = (o: { port: number; metricsPort: number; queueName: string }) => ({
  NODE_ENV: 'production',
  QUEUE_NAME: o.queueName,
  PORT: String(o.port),
  METRICS_PORT: String(o.metricsPort),
  METRICS_HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${o.port}`,
  PROVISIO_ADMIN_TOKEN: PLATFORM_TOKEN,
  LOG_LEVEL: 'silent',
});

export type StackOptions = { mongoUri: string; redisUrl: string; ferretPostgresUrl: string; queueName: string };

/**
 * The Provisio server as the dev server runs it (tsx, from apps/server), on its own ports,
 * with its metrics endpoint (METRICS_PORT) and quiet logs; and the raw baseline beside it.
 */
export async function startStack(options: StackOptions) {
  const [port, metricsPort, baselinePort] = await Promise.all([freePort(), freePort(), freePort()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startNodeProcess({
    cwd: resolve(ROOT, 'apps/server'),
    entry: 'src/index.ts',
    env: {
      ...process.env,
      ...benchServerEnv({ port, metricsPort, queueName: options.queueName }),
      MONGODB_URI: options.mongoUri,
      REDIS_URL: options.redisUrl,
      FERRETDB_POSTGRES_URL: options.ferretPostgresUrl,
    },
    readyUrl: `${baseUrl}/readyz`,
  });
  const baseline = await startNodeProcess({
    cwd: resolve(ROOT, 'packages/bench'),
    entry: 'src/baseline-server.ts',
    env: { ...process.env, BASELINE_MONGODB_URI: options.mongoUri, PORT: String(baselinePort) },
    readyUrl: `http://127.0.0.1:${baselinePort}/healthz`,
  });
  return {
    baseUrl,
    baselineUrl: `http://127.0.0.1:${baselinePort}`,
    /** CPU the server process has used so far (ms). */
    serverCpuMs: () => cpuMsOf(server.pid),
    baselineCpuMs: () => cpuMsOf(baseline.pid),
    /** CPU FerretDB and PostgreSQL have used so far (ms), when the test services run from this checkout. */
    databaseCpu: () => databaseCpuOf(resolve(ROOT, '.data/test')),
    /** The server's Prometheus text (round-trip histograms among it). */
    metrics: async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text(),
    stop: () => Promise.all([server.stop(), baseline.stop()]),
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
