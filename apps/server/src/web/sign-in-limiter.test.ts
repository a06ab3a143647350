import { expect, it } from 'vitest';
import { backoffSeconds } from './sign-in-limiter.ts';

it('waits nothing before the threshold, then doubles from the base up to 15 minutes', () => {
  const limits = { failuresBeforeBackoff: 5, backoffBaseSeconds: 1 };
  expect([1, 4, 5, 6, 7, 14, 15, 1_000].map((failures) => backoffSeconds(failures, limits))).toEqual([
    0, 0, 1, 2, 4, 512, 900, 900,
  ]);
});
