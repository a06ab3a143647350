import { describe, expect, it } from 'vitest';
import { BUSY_UTILIZATION, ownLagMs } from './own-lag.ts';

describe('ownLagMs', () => {
  it('counts the whole delay when the event loop was busy with our own work', () => {
    expect(ownLagMs(1500, 0.97)).toBe(1500);
    expect(ownLagMs(40, 1)).toBe(40);
  });

  it('counts none of it when the loop was mostly idle (the machine starved the process)', () => {
    expect(ownLagMs(5000, 0.3)).toBe(0);
    expect(ownLagMs(1500, 0)).toBe(0);
  });

  it('needs utilization strictly above the threshold', () => {
    expect(ownLagMs(2000, BUSY_UTILIZATION)).toBe(0);
    expect(ownLagMs(2000, BUSY_UTILIZATION + 0.01)).toBe(2000);
  });
});
