import { startTcpProxy } from '@provisio/db/testing';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { freePort } from '../node-process.ts';
import { ensureTestServices, withDatabase } from '../services.ts';
import { PLATFORM_TOKEN } from '../stack.ts';
import { startBalancer } from './balancer.ts';
import { startApp } from './processes.ts';
import type { AppProcess } from './processes.ts';
import { startOwnRedis } from './redis-server.ts';
import { startSmtpCatcher } from './smtp-catcher.ts';

/**
 * Worker timings shortened from the defaults (sweep 30 s, stuck after 60 s, claim timeout
 * 2 min; open writes settled every minute once 2 min old) so a scenario sees the sweeper's repairs within its window; what they repair is the same.
 */
const WORKER_TIMINGS = {
  INVITE_SWEEP_INTERVAL_MS: '1000',
  INVITE_STUCK_AFTER_MS: '5000',
  INVITE_CLAIM_TIMEOUT_MS: '45000',
  OPEN_INTENT_SWEEP_INTERVAL_MS: '5000',
  OPEN_INTENT_GRACE_MS: '35000',
};

export type Replica = { name: string; port: number; url: string; metricsUrl: string; proc: AppProcess };
export type WorkerProc = { name: string; metricsUrl: string; proc: AppProcess };

/**
 * Real processes as a deployment runs them: `servers` server replicas behind a round-robin
 * balancer and `workers` workers, on a fresh database reached through a TCP proxy that can be
 * cut, a Redis of their own that can be stopped and a mail catcher that can fail.
 */
export async function startCluster(options: { servers: number; workers: number }) {
  const urls = ensureTestServices();
  const dbName = `faults_${randomUUID().replaceAll('-', '')}`;
  const queueName = `faults-${randomUUID()}`;
  const mongo = new URL(urls.mongoUri);
  const dbProxy = await startTcpProxy({ host: mongo.hostname, port: Number(mongo.port) });
  const redis = await startOwnRedis();
  const smtp = await startSmtpCatcher();
  const replicas: Replica[] = [];
  const workers: WorkerProc[] = [];
  const balancer = await startBalancer(() => replicas.filter((r) => r.proc.alive()).map((r) => r.port));
  const mongoUri = withDatabase(`mongodb://127.0.0.1:${dbProxy.port}/`, dbName);
  const common = {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'production',
    MONGODB_URI: mongoUri,
    FERRETDB_POSTGRES_URL: urls.ferretPostgresUrl,
    REDIS_URL: redis.url,
    QUEUE_NAME: queueName,
    PUBLIC_URL: balancer.url,
    LOG_LEVEL: 'warn',
  };
  const inspector = new MongoClient(withDatabase(urls.mongoUri, dbName));
  const queueRedis = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  const queue = new Queue(queueName, { connection: queueRedis });

  const startServer = async (name: string, port?: number): Promise<Replica> => {
    const [p, metricsPort] = [port ?? (await freePort()), await freePort()];
    const url = `http://127.0.0.1:${p}`;
    const env = {
      ...common,
      PORT: String(p),
      METRICS_PORT: String(metricsPort),
      PROVISIO_ADMIN_TOKEN: PLATFORM_TOKEN,
      // The balancer reads /readyz every 200 ms: a stopping replica stays reachable until it has seen the 503.
      SHUTDOWN_DRAIN_DELAY_MS: '1000',
    };
    const proc = await startApp('server', name, env, `${url}/readyz`);
    return { name, port: p, url, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, proc };
  };
  const startWorker = async (name: string): Promise<WorkerProc> => {
    const metricsPort = await freePort();
    const env = { ...common, ...WORKER_TIMINGS, SMTP_URL: smtp.url, WORKER_METRICS_PORT: String(metricsPort) };
    const base = `http://127.0.0.1:${metricsPort}`;
    const proc = await startApp('worker', name, env, `${base}/healthz`);
    return { name, metricsUrl: `${base}/metrics`, proc };
  };

  const cluster = {
    balancerUrl: balancer.url,
    replicas,
    workers,
    dbProxy,
    redis,
    smtp,
    queue,
    /** A section of Redis's INFO (e.g. `clients`), through the harness's own connection. */
    redisInfo: (section: string) => queueRedis.info(section),
    /** The test database read directly (not through the cuttable proxy): invariants are checked on it. */
    db: () => inspector.db(dbName),
    /** Starts a stopped replica again on its port (the balancer sends it requests once it listens). */
    async restartServer(replica: Replica) {
      const index = replicas.indexOf(replica);
      replicas[index] = await startServer(replica.name, replica.port);
      return replicas[index];
    },
    async restartWorker(worker: WorkerProc) {
      const index = workers.indexOf(worker);
      workers[index] = await startWorker(worker.name);
      return workers[index];
    },
    async stop() {
      const steps: (() => Promise<unknown>)[] = [
        ...replicas.map((r) => () => r.proc.stop()),
        ...workers.map((w) => () => w.proc.stop()),
        () => balancer.close(),
        () => queue.obliterate({ force: true }),
        () => queue.close(),
        () => Promise.resolve(queueRedis.disconnect()),
        () => redis.close(),
        () => smtp.close(),
        () => dbProxy.close(),
        () => inspector.db(dbName).dropDatabase(),
        () => inspector.close(),
      ];
      for (const step of steps) await step().catch((error: unknown) => console.error('faults cleanup:', error));
    },
  };
  try {
    for (let i = 1; i <= options.servers; i++) replicas.push(await startServer(`server-${i}`));
    for (let i = 1; i <= options.workers; i++) workers.push(await startWorker(`worker-${i}`));
  } catch (error) {
    // Nothing started may outlive a failed start: processes, Redis, the proxy, the database.
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;
