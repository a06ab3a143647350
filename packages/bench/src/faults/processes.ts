import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appCommand } from './app-command.ts';
import type { AppName } from './app-command.ts';

/** A start includes the index sync; on a loaded 2-core machine that took over a minute. */
const START_TIMEOUT_MS = 180_000;

/** Polls `url` until it answers 200; fails with the process's last output if it exits or `timeoutMs` passes. */
export async function waitForOk(url: string, options: { timeoutMs?: number; gone?: () => string | undefined } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? START_TIMEOUT_MS);
  while (Date.now() < deadline) {
    const gone = options.gone?.();
    if (gone) throw new Error(`${url}: ${gone}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${options.timeoutMs ?? START_TIMEOUT_MS} ms`);
}

export type AppProcess = {
  name: string;
  pid: number;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  alive: () => boolean;
  signal: (signal: NodeJS.Signals) => void;
  /** SIGTERM, then SIGKILL after 15 s; resolves once it has exited. */
  stop: () => Promise<void>;
  /** Resident memory in MB (Linux /proc), NaN once it has exited. */
  rssMb: () => number;
  /** The last lines it printed (for a failure message). */
  output: () => string;
};

/** Starts a server or worker (see app-command.ts) with `env` and waits until `readyUrl` answers 200. */
export async function startApp(app: AppName, name: string, env: NodeJS.ProcessEnv, readyUrl: string) {
  const { command, args, cwd } = appCommand(app);
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const proc: AppProcess = {
    name,
    pid: child.pid ?? 0,
    exited,
    alive,
    signal: (signal) => void child.kill(signal),
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    rssMb() {
      try {
        const pages = Number(readFileSync(`/proc/${child.pid}/statm`, 'utf8').split(' ')[1]);
        return (pages * 4096) / 1024 / 1024;
      } catch {
        return Number.NaN;
      }
    },
    output: () => output,
  };
  try {
    await waitForOk(readyUrl, { gone: () => (alive() ? undefined : `${name} exited\n${output}`) });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}
