import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { createAdmissionGate } from './admission-gate.ts';
import type { ShedReason } from './admission-gate.ts';
import type { LoopLagProbe } from './loop-lag.ts';
import { ownLagMs } from './own-lag.ts';

/** Seconds a refused caller should wait: one request's time at most, under load. */
export const SHED_RETRY_AFTER_SECONDS = 1;

/** How often waiters whose time is up are refused (a waiter is answered at most this late). */
const SWEEP_MS = 50;

/** The process's admission figures, one set per registry, shared by both surfaces. */
export function createAdmissionMetrics(registry: Registry) {
  /** How to read each surface's current limit, at scrape time. */
  const limits = new Map<string, () => number>();
  new Gauge({
    name: 'provisio_admission_limit',
    help: 'Requests a surface serves at once now (adapted to how fast they run; SCIM_MAX_IN_FLIGHT at most)',
    labelNames: ['surface'] as const,
    registers: [registry],
    collect() {
      for (const [surface, read] of limits) if (Number.isFinite(read())) this.set({ surface }, read());
    },
  });
  return {
    limits,
    shed: new Counter({
      name: 'provisio_requests_shed_total',
      help: 'Requests refused with 429 because they waited too long: for an event loop busy with our own work (loop_lag) or for a slot (queue_wait)',
      labelNames: ['surface', 'reason'] as const,
      registers: [registry],
    }),
    wait: new Histogram({
      name: 'provisio_admission_wait_seconds',
      help: 'How long an admitted request waited before it ran: the event loop delay when it was read, then for a slot',
      labelNames: ['surface'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
  };
}

export type AdmissionOptions = {
  surface: 'scim' | 'trpc';
  /** Requests of this process served at once on the surface; the next waits for a slot. */
  maxInFlight: number;
  /** Longest a request may wait (unread behind our own busy event loop, then for a slot) before it is refused. */
  maxWaitMs: number;
  lag: LoopLagProbe;
  metrics: ReturnType<typeof createAdmissionMetrics>;
};

/**
 * Load shedding by waiting time (see admission-gate.ts). Event streams are long-lived and
 * capped per key elsewhere, so they are not counted.
 */
export function createAdmission({ surface, maxInFlight, maxWaitMs, lag, metrics }: AdmissionOptions) {
  const gate = createAdmissionGate({ maxInFlight, maxWaitMs, now: () => performance.now() });
  const sweeper = setInterval(() => gate.sweep(), SWEEP_MS).unref();
  metrics.limits.set(surface, gate.limit);
  return {
    /** Waits for a slot for this request: null once admitted (its slot is freed when it ends), or why it is refused. */
    admit(req: Request, res: Response): Promise<ShedReason | null> {
      if (req.headers.accept?.includes('text/event-stream')) return Promise.resolve(null);
      const lagMs = lag.lagMs();
      // Only a delay of our own making counts against the bound (see own-lag.ts).
      const ownMs = ownLagMs(lagMs, lag.utilization());
      const askedAt = performance.now();
      let state: 'waiting' | 'admitted' | 'ended' = 'waiting';
      let admittedAt = 0;
      const end = () => {
        if (state === 'admitted') gate.release(performance.now() - admittedAt);
        state = 'ended';
      };
      res.once('finish', end);
      res.once('close', end);
      return new Promise((resolve) => {
        gate.enter(
          ownMs,
          () => {
            // The client went away while it waited: nothing to run, the slot is free again.
            if (state === 'ended') return void gate.release(0);
            state = 'admitted';
            admittedAt = performance.now();
            metrics.wait.observe({ surface }, (lagMs + performance.now() - askedAt) / 1000);
            resolve(null);
          },
          (reason) => {
            metrics.shed.inc({ surface, reason });
            resolve(reason);
          },
        );
      });
    },
    stop: () => clearInterval(sweeper),
  };
}

export type Admission = ReturnType<typeof createAdmission>;

/** The SCIM surface's admission: a refused request gets `refuse`'s answer (429) with Retry-After. */
export function admissionMiddleware(admission: Admission, refuse: (res: Response) => void): RequestHandler {
  return (req, res, next) => {
    void admission.admit(req, res).then((refused) => {
      if (!refused) return next();
      res.setHeader('Retry-After', String(SHED_RETRY_AFTER_SECONDS));
      refuse(res);
    });
  };
}
