/**
 * Runs `task(i)` for i = 0, 1, … with `concurrency` in flight, until `count` tasks have run
 * or `seconds` have passed (no new task starts after that). Returns how many ran and the wall time.
 */
export async function runPool(
  options: { concurrency: number; count?: number; seconds?: number },
  task: (i: number) => Promise<void>,
) {
  const count = options.count ?? Number.POSITIVE_INFINITY;
  const stopAt = performance.now() + (options.seconds ?? Number.POSITIVE_INFINITY) * 1000;
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count && performance.now() < stopAt; i = next++) {
      await task(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { done, seconds: (performance.now() - started) / 1000 };
}
