import { expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs } from './retry-schedule.ts';

it('doubles the wait after each failure, up to the cap', () => {
  const delays = [1, 2, 3, 4, 10, 50].map((n) => retryDelayMs(DEFAULT_RETRY_SCHEDULE, n));
  expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 3_600_000, 3_600_000]);
});

it('keeps trying for about 24 hours with the default schedule (some 30 attempts)', () => {
  let elapsed = 0;
  let attempts = 0;
  while (elapsed < DEFAULT_RETRY_SCHEDULE.giveUpAfterMs) elapsed += retryDelayMs(DEFAULT_RETRY_SCHEDULE, ++attempts);
  expect(attempts).toBeGreaterThan(20);
  expect(attempts).toBeLessThan(40);
});
