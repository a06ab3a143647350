import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** The real worker process (`apps/worker/src/index.ts`), so a test can SIGKILL it. */
export async function startWorkerProcess(env: Record<string, string>) {
  const metricsPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(ROOT, 'apps/worker'),
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', WORKER_METRICS_PORT: String(metricsPort), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(metricsPort, 30_000);
  return {
    kill: async (signal: NodeJS.Signals) => {
      child.kill(signal);
      await exited(child);
    },
  };
}
