import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { expect, vi } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

export const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1')
      .once('connect', () => (socket.destroy(), done(true)))
      .once('error', () => done(false));
  });

/** Resolves once something accepts connections on `port` (a process is ready when it listens). */
async function waitForPort(port: number, timeoutMs = 20_000) {
  await vi.waitFor(async () => expect(await accepts(port), `something listens on ${port}`).toBe(true), {
    timeout: timeoutMs,
    interval: 50,
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

/** A Redis of the test's own (AOF on, so queued jobs survive its restart), that it can stop and start. */
export async function startOwnRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'provisio-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', ''],
      { stdio: 'ignore' },
    );
    await waitForPort(port);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      if (!child) return;
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/**
 * Spawns the built app as `pnpm start` runs it: its package.json `start` script
 * (`node --enable-source-maps dist/index.js`), as one node process so signals reach it.
 * `pnpm build` (make test runs it) must have built it. `cwd`: another copy of the app, such
 * as a `pnpm deploy` directory.
 */
export function spawnBuiltApp(app: 'server' | 'worker', env: Record<string, string>, cwd = join(ROOT, 'apps', app)) {
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = manifest.scripts.start.split(' ');
  if (command !== 'node') throw new Error(`${cwd}: the start script must run node, not ${command}`);
  if (!existsSync(join(cwd, 'dist/index.js')))
    throw new Error(`${cwd}/dist/index.js is missing: run \`pnpm build\` first (make test does)`);
  return spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const stopper = (child: ChildProcess) => ({
  /** For signals the test sends itself (SIGSTOP to starve it). */
  pid: child.pid ?? 0,
  /** Resolves with the exit code once the process has exited. */
  kill: async (signal: NodeJS.Signals) => {
    child.kill(signal);
    await exited(child);
    return child.exitCode;
  },
});

/** The built worker process, so a test can SIGKILL it; ready once its metrics port listens. */
export async function startWorkerProcess(env: Record<string, string>) {
  const metricsPort = await freePort();
  const child = spawnBuiltApp('worker', { WORKER_METRICS_PORT: String(metricsPort), ...env });
  await waitForPort(metricsPort, 30_000);
  return { metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, ...stopper(child) };
}

/** The built server process on free ports; ready once `/readyz` answers 200 (MongoDB and Redis reached). */
export async function startServerProcess(env: Record<string, string>, cwd?: string) {
  // `PORT` in `env` pins the port (a restart on the same address); otherwise a free one.
  const [port, metricsPort] = await Promise.all([env['PORT'] ? Number(env['PORT']) : freePort(), freePort()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawnBuiltApp(
    'server',
    { PORT: String(port), METRICS_PORT: String(metricsPort), PUBLIC_URL: baseUrl, ...env },
    cwd,
  );
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      expect((await fetch(`${baseUrl}/readyz`).catch(() => undefined))?.status).toBe(200);
    },
    { timeout: 30_000, interval: 50 },
  );
  return { baseUrl, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, ...stopper(child) };
}

/**
 * The environment a built app needs to run on the test services, on a database of its own
 * (`dbName`, made up when not given) and a queue of its own. `drop` removes the database.
 */
export function builtAppEnv(prefix: string, dbName = `test_${prefix}_${randomUUID().replaceAll('-', '')}`) {
  const mongoUri = new URL(process.env['MONGODB_URI'] ?? '');
  mongoUri.pathname = `/${dbName}`;
  const queueName = `test-${prefix}-${randomUUID()}`;
  const env: Record<string, string> = {
    MONGODB_URI: mongoUri.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? '',
    QUEUE_NAME: queueName,
    ...(process.env['FERRETDB_POSTGRES_URL'] ? { FERRETDB_POSTGRES_URL: process.env['FERRETDB_POSTGRES_URL'] } : {}),
  };
  return {
    dbName,
    queueName,
    mongoUri: mongoUri.toString(),
    env,
    async drop() {
      const mongo = await MongoClient.connect(mongoUri.toString());
      await mongo.db(dbName).dropDatabase();
      await mongo.close();
    },
  };
}

/** A built server alone on a database of its own, with `platformToken` as its platform admin token. */
export async function startBuiltServer(platformToken: string) {
  const target = builtAppEnv('server');
  const server = await startServerProcess({ ...target.env, PROVISIO_ADMIN_TOKEN: platformToken });
  return {
    url: server.baseUrl,
    async stop() {
      await server.kill('SIGTERM');
      await target.drop();
    },
  };
}
