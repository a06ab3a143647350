/** Polls `check` until it returns true; false once `timeoutMs` have passed. Returns how long it took (ms) or NaN. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 100) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await Promise.resolve(check()).catch(() => false)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return Number.NaN;
}
