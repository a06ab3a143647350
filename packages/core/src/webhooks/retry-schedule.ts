/** When a failing endpoint is tried again, and when it is given up on. Config, so tests run it in milliseconds. */
export type RetrySchedule = {
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failing for this long disables the endpoint and mails the org's admins. */
  giveUpAfterMs: number;
};

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
};

/** The wait after `failures` failed attempts (1 = the first): exponential, capped. */
export function retryDelayMs(schedule: RetrySchedule, failures: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(schedule.baseDelayMs * 2 ** exponent, schedule.maxDelayMs);
}
