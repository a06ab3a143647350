import { performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';

/** How often the probe's timer asks to run: its lateness is the event loop's delay. */
const PROBE_INTERVAL_MS = 20;
/** Utilization is judged over about this much of the recent past. */
export const UTILIZATION_WINDOW_MS = 1_000;
/** A utilization reading is kept this often (a window is 1 s to 1 s + this long). */
const SNAPSHOT_EVERY_MS = 100;

type Snapshot = { at: number; elu: EventLoopUtilization };

/**
 * The event loop's utilization since the newest snapshot at least `windowMs` old (the oldest
 * one while the process is younger): the share of that time spent running code, 0 to 1.
 */
export function utilizationSince(
  snapshots: readonly Snapshot[],
  nowMs: number,
  current: EventLoopUtilization,
  windowMs = UTILIZATION_WINDOW_MS,
): number {
  const old = snapshots.filter((s) => nowMs - s.at >= windowMs).at(-1) ?? snapshots[0];
  if (!old) return 0;
  const active = current.active - old.elu.active;
  const total = active + current.idle - old.elu.idle;
  return total > 0 ? active / total : 0;
}

/**
 * The event loop's current delay, ms: how late the probe's last tick ran, or, while the loop is
 * still busy, how overdue its next tick already is. A request read now was queued (in the socket,
 * unread) for about that long, which no timer inside the request can see. With it, the loop's
 * utilization over the last second, which tells whether the delay was this process's own work.
 */
export function startLoopLagProbe(now: () => number = () => performance.now()) {
  let due = now() + PROBE_INTERVAL_MS;
  let lastLag = 0;
  const snapshots: Snapshot[] = [{ at: now(), elu: performance.eventLoopUtilization() }];
  const timer = setInterval(() => {
    const t = now();
    lastLag = Math.max(0, t - due);
    due = t + PROBE_INTERVAL_MS;
    if (t - (snapshots.at(-1)?.at ?? 0) >= SNAPSHOT_EVERY_MS) {
      snapshots.push({ at: t, elu: performance.eventLoopUtilization() });
      // Keep only what a window can still start from.
      while (snapshots.length > 2 && t - (snapshots[1]?.at ?? t) >= UTILIZATION_WINDOW_MS) snapshots.shift();
    }
  }, PROBE_INTERVAL_MS).unref();
  return {
    lagMs: () => Math.max(lastLag, now() - due),
    /** Share of about the last second the event loop spent running code (0 to 1), up to now. */
    utilization: () => utilizationSince(snapshots, now(), performance.eventLoopUtilization()),
    stop: () => clearInterval(timer),
  };
}

export type LoopLagProbe = ReturnType<typeof startLoopLagProbe>;
