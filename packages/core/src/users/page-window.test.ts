import { expect, it } from 'vitest';
import { pageWindow } from './page-window.ts';

it.each([
  [{}, { startIndex: 1, count: 100 }],
  [
    { startIndex: 0, count: 0 },
    { startIndex: 1, count: 0 },
  ],
  [
    { startIndex: -5, count: -1 },
    { startIndex: 1, count: 0 },
  ],
  [
    { startIndex: 101, count: 5000 },
    { startIndex: 101, count: 1000 },
  ],
])('%j → %j', (input, expected) => {
  expect(pageWindow(input)).toEqual(expected);
});
