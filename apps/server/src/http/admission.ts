import type { RequestHandler, Response } from 'express';
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';

export type AdmissionOptions = {
  /** Requests of this process in flight at once on the surface; the next is refused. */
  maxInFlight: number;
  /** Renders the surface's refusal (the status is 429, Retry-After is set). */
  refuse: (res: Response) => void;
  registry: Registry;
};

/** Seconds a refused caller should wait: one request's time at most, under load. */
export const SHED_RETRY_AFTER_SECONDS = 1;

/**
 * Load shedding: at most `maxInFlight` requests in flight; one more is answered 429 with
 * Retry-After at once instead of queueing. Without it, twice the sustainable rate queued
 * every request behind the others (pnpm faults overload: admitted p99 19 s); with it, what is
 * admitted keeps its latency and the IdP retries the rest. Event streams are long-lived and
 * capped per key elsewhere, so they are not counted.
 */
export function admission({ maxInFlight, refuse, registry }: AdmissionOptions): RequestHandler {
  const shed = new Counter({
    name: 'provisio_requests_shed_total',
    help: 'Requests refused with 429 because the process had maxInFlight requests in flight',
    registers: [registry],
  });
  let inFlight = 0;
  return (req, res, next) => {
    if (req.headers.accept?.includes('text/event-stream')) return next();
    if (inFlight >= maxInFlight) {
      shed.inc();
      res.setHeader('Retry-After', String(SHED_RETRY_AFTER_SECONDS));
      return refuse(res);
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
