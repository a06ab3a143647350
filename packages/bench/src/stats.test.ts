import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2], 0)).toBe(1);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(summarize([])).toEqual({ count: 0, p50: Number.NaN, p99: Number.NaN });
  });
});
