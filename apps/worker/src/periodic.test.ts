import { createLogger } from '@provisio/logger';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startPeriodic } from './periodic.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('runs at once and then on every tick, never two runs of a task at a time, and stop waits for the run', async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  let finished = 0;
  const periodic = startPeriodic(
    [
      {
        name: 'slow',
        intervalMs: 5,
        run: async () => {
          active++;
          runs++;
          maxActive = Math.max(maxActive, active);
          await new Promise((r) => setTimeout(r, 30));
          active--;
          finished++;
          return undefined;
        },
      },
    ],
    logger,
  );
  // Runs start at 0, 35 and 70 ms: each takes 30 ms, and the ticks while one runs are skipped.
  await vi.advanceTimersByTimeAsync(80);
  expect({ runs, finished, active }).toEqual({ runs: 3, finished: 2, active: 1 });
  let stopped = false;
  const stopping = periodic.stop().then(() => (stopped = true));
  await vi.advanceTimersByTimeAsync(10);
  expect(stopped).toBe(false);
  await vi.advanceTimersByTimeAsync(20);
  await stopping;
  expect({ runs, finished, maxActive }).toEqual({ runs: 3, finished: 3, maxActive: 1 });
  await vi.advanceTimersByTimeAsync(100);
  expect(runs).toBe(3);
});

it('keeps going after a failing run', async () => {
  let runs = 0;
  const periodic = startPeriodic(
    [
      {
        name: 'flaky',
        intervalMs: 5,
        run: () => {
          runs++;
          return Promise.reject(new Error('boom'));
        },
      },
    ],
    logger,
  );
  await vi.advanceTimersByTimeAsync(50);
  await periodic.stop();
  expect(runs).toBe(11);
});
