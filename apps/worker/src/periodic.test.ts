import { createLogger } from '@provisio/logger';
import { expect, it } from 'vitest';
import { startPeriodic } from './periodic.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

it('runs at once and then on every tick, never two runs of a task at a time, and stop waits for the run', async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  let finished = 0;
  const periodic = startPeriodic(
    [{ name: 'slow', intervalMs: 5, run: async () => {
      active++; runs++; maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 30));
      active--; finished++;
      return undefined;
    } }],
    logger,
  );
  await new Promise((r) => setTimeout(r, 100));
  await periodic.stop();
  expect(runs).toBeGreaterThanOrEqual(2);
  expect(maxActive).toBe(1);
  expect(finished).toBe(runs);
});

it('keeps going after a failing run', async () => {
  let runs = 0;
  const periodic = startPeriodic([{ name: 'flaky', intervalMs: 5, run: () => { runs++; return Promise.reject(new Error('boom')); } }], logger);
  await new Promise((r) => setTimeout(r, 50));
  await periodic.stop();
  expect(runs).toBeGreaterThan(2);
});
