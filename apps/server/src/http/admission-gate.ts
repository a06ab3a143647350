/** Why a request was refused: the process was full and it waited past the bound, or it had waited past it before it arrived. */
export type ShedReason = 'queue_wait' | 'loop_lag';

export type AdmissionGateOptions = {
  /** Requests served at once; the next waits for a slot. */
  maxInFlight: number;
  /** Longest a request may wait (before the process read it, then for a slot) before it is refused. */
  maxWaitMs: number;
  /** Milliseconds, monotonic. */
  now: () => number;
};

type Waiter = { deadline: number; admit: () => void; shed: (reason: ShedReason) => void };

/**
 * Admission by queueing time: at most `maxInFlight` requests are served at once, the rest wait
 * in arrival order, and a request that has waited more than `maxWaitMs` in all is refused. A
 * count alone does not bound latency: when the machine is slow, requests waited seconds for a
 * busy event loop before a slot was even asked for (pnpm faults overload: admitted p99 20 s).
 * Pure: the caller says how long a request waited before it got here, and sweeps on a timer.
 */
export function createAdmissionGate({ maxInFlight, maxWaitMs, now }: AdmissionGateOptions) {
  let inFlight = 0;
  const queue: Waiter[] = [];

  const admitNext = () => {
    while (inFlight < maxInFlight && queue.length) {
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
    },
    /** A request admitted earlier has ended: its slot goes to the oldest waiter still in time. */
    release() {
      inFlight = Math.max(0, inFlight - 1);
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
    waiting: () => queue.length,
  };
}

export type AdmissionGate = ReturnType<typeof createAdmissionGate>;
