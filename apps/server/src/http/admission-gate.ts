/** Why a request was refused: the process was full and it waited past the bound, or it had waited past it before it arrived. */
export type ShedReason = 'queue_wait' | 'loop_lag';

/** The concurrency limit is re-judged on the requests that ended in each window this long. */
export const ADAPT_WINDOW_MS = 1_000;
/** The limit never falls below this (or maxInFlight when lower): a few requests always run. */
export const MIN_LIMIT = 4;

export type AdmissionGateOptions = {
  /** Most requests served at once; the next waits for a slot. The gate serves fewer while requests run slow. */
  maxInFlight: number;
  /** Longest a request may wait (before the process read it, then for a slot) before it is refused. */
  maxWaitMs: number;
  /** Milliseconds, monotonic. */
  now: () => number;
};

type Waiter = { deadline: number; admit: () => void; shed: (reason: ShedReason) => void };

/**
 * Admission by queueing time: a limited number of requests are served at once, the rest wait
 * in arrival order, and a request that has waited more than `maxWaitMs` in all is refused. A
 * fixed count alone did not bound latency: on a slow machine 32 requests at once each took
 * seconds (pnpm faults overload: admitted p99 20 s, then 36 s). So the limit adapts (AIMD, as
 * TCP's window): a window whose requests ran longer than `maxWaitMs` on average cuts it by
 * 30 %, a window that made requests wait while they ran fast raises it, up to `maxInFlight`.
 * Pure: the caller says how long a request waited before it got here, and sweeps on a timer.
 */
export function createAdmissionGate({ maxInFlight, maxWaitMs, now }: AdmissionGateOptions) {
  let inFlight = 0;
  const queue: Waiter[] = [];
  const floor = Math.min(MIN_LIMIT, maxInFlight);
  let limit = maxInFlight;
  let window = { start: now(), served: 0, serviceMs: 0, queued: false };

  const adapt = () => {
    const mean = window.serviceMs / window.served;
    if (mean > maxWaitMs) limit = Math.max(floor, Math.min(limit - 1, Math.floor(limit * 0.7)));
    else if (window.queued)
      limit = Math.min(maxInFlight, limit + (mean <= maxWaitMs / 2 ? Math.max(1, Math.floor(limit / 4)) : 1));
    window = { start: now(), served: 0, serviceMs: 0, queued: queue.length > 0 };
  };

  const admitNext = () => {
    while (inFlight < limit && queue.length) {
      const waiter = queue.shift() as Waiter;
      if (waiter.deadline < now()) {
        waiter.shed('queue_wait');
        continue;
      }
      inFlight++;
      waiter.admit();
    }
  };

  return {
    /**
     * Asks for a slot for a request that already waited `waitedMs` (the event loop's lag when it
     * was read). `admit` is called when it may run (its caller then owes one `release`), `shed`
     * when it must be refused; exactly one of them, once.
     */
    enter(waitedMs: number, admit: () => void, shed: (reason: ShedReason) => void) {
      if (waitedMs > maxWaitMs) return shed('loop_lag');
      queue.push({ deadline: now() + maxWaitMs - waitedMs, admit, shed });
      admitNext();
      if (queue.length) window.queued = true;
    },
    /** A request admitted earlier has ended after `serviceMs`: its slot goes to the oldest waiter still in time. */
    release(serviceMs: number) {
      inFlight = Math.max(0, inFlight - 1);
      window.served++;
      window.serviceMs += serviceMs;
      if (Number.isFinite(maxInFlight) && now() - window.start >= ADAPT_WINDOW_MS) adapt();
      admitNext();
    },
    /** Refuses the waiters whose time is up (the caller runs it every few tens of ms while any wait). */
    sweep() {
      const t = now();
      // Deadlines are not in queue order (each request arrived having waited its own time).
      const late = queue.filter((w) => w.deadline < t);
      if (!late.length) return;
      queue.splice(0, queue.length, ...queue.filter((w) => w.deadline >= t));
      for (const waiter of late) waiter.shed('queue_wait');
    },
    inFlight: () => inFlight,
    /** Requests served at once now (adapted; `maxInFlight` at most). */
    limit: () => limit,
    waiting: () => queue.length,
  };
}

export type AdmissionGate = ReturnType<typeof createAdmissionGate>;
