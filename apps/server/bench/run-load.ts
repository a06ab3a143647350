import { Worker } from 'node:worker_threads';

export type LoadResult = { requests: number; errors: number; rps: number; elapsed: number; p50: number; p99: number };
export type LoadOptions = { urls: string[]; headers?: Record<string, string>; durationMs: number; concurrency: number };

/** Runs load-worker.mjs against `urls` (round robin) and resolves with its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { headers: {}, ...options } });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load worker exited with ${code}`))));
  });
}
