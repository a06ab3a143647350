/** Above this share of the last second spent running our own code, a late event loop is our own overload. */
export const BUSY_UTILIZATION = 0.9;

/**
 * How much of the event loop's delay this process caused itself, ms: all of it when the loop
 * was busy running our code (event-loop utilization over the last second above
 * BUSY_UTILIZATION), none of it otherwise. A loop that is late while mostly idle was starved of
 * CPU by other processes (pnpm faults two-replicas and smtp-down on a loaded machine: 429s with
 * nothing queued); shedding then refuses work this process has room for, so it is not counted.
 */
export function ownLagMs(lagMs: number, utilization: number): number {
  return utilization > BUSY_UTILIZATION ? lagMs : 0;
}
