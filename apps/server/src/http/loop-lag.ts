/** How often the probe's timer asks to run: its lateness is the event loop's delay. */
const PROBE_INTERVAL_MS = 20;

/**
 * The event loop's current delay, ms: how late the probe's last tick ran, or, while the loop is
 * still busy, how overdue its next tick already is. A request read now was queued (in the socket,
 * unread) for about that long, which no timer inside the request can see.
 */
export function startLoopLagProbe(now: () => number = () => performance.now()) {
  let due = now() + PROBE_INTERVAL_MS;
  let lastLag = 0;
  const timer = setInterval(() => {
    const t = now();
    lastLag = Math.max(0, t - due);
    due = t + PROBE_INTERVAL_MS;
  }, PROBE_INTERVAL_MS).unref();
  return {
    lagMs: () => Math.max(lastLag, now() - due),
    stop: () => clearInterval(timer),
  };
}

export type LoopLagProbe = ReturnType<typeof startLoopLagProbe>;
