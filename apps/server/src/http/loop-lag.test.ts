import { describe, expect, it } from 'vitest';
import { utilizationSince } from './loop-lag.ts';

/** A cumulative reading: `active` and `idle` ms since the process started. */
const elu = (active: number, idle: number) => ({ active, idle, utilization: active / (active + idle) });

describe('utilizationSince', () => {
  it('judges the time since the newest snapshot at least a window old', () => {
    const snapshots = [
      { at: 0, elu: elu(0, 0) },
      { at: 1000, elu: elu(100, 900) },
      { at: 1500, elu: elu(150, 1350) },
    ];
    // At 2200 the window starts at the snapshot of 1000: 1200 ms, of which 1100 busy.
    expect(utilizationSince(snapshots, 2200, elu(1200, 1000))).toBeCloseTo(1100 / 1200);
  });

  it('uses the oldest snapshot while none is a window old', () => {
    expect(utilizationSince([{ at: 0, elu: elu(0, 0) }], 400, elu(100, 300))).toBeCloseTo(0.25);
  });

  it('reads a long block of our own code as full utilization, however idle the loop was before', () => {
    const snapshots = [{ at: 0, elu: elu(0, 10_000) }];
    expect(utilizationSince(snapshots, 11_500, elu(1500, 10_000))).toBe(1);
  });

  it('is 0 with no time elapsed', () => {
    expect(utilizationSince([{ at: 5, elu: elu(1, 4) }], 5, elu(1, 4))).toBe(0);
  });
});
