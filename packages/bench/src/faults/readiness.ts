import type { Replica } from './cluster.ts';

/** Polls every replica's `/readyz` every 250 ms, keeping (ms since start, replica, status) samples. */
export function watchReadiness(replicas: readonly Replica[]) {
  const samples: { at: number; replica: string; status: number }[] = [];
  const started = performance.now();
  let running = true;
  const poll = async (replica: Replica) => {
    while (running) {
      const at = performance.now() - started;
      const status = await fetch(`${replica.url}/readyz`, { signal: AbortSignal.timeout(3_000) }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
      samples.push({ at, replica: replica.name, status });
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const loops = replicas.map(poll);
  return {
    elapsedMs: () => performance.now() - started,
    /** Seconds from `fromMs` until every replica answered `status` at least once (NaN: some never did). */
    secondsUntil(status: number, fromMs: number) {
      const firsts = replicas.map(
        (r) => samples.find((s) => s.replica === r.name && s.at >= fromMs && s.status === status)?.at,
      );
      return firsts.some((t) => t === undefined) ? Number.NaN : (Math.max(...(firsts as number[])) - fromMs) / 1000;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
