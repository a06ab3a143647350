import { describe, expect, it } from 'vitest';
import { keyLimitsOf } from './rate-limiter.ts';

describe('keyLimitsOf', () => {
  it('is null at the default limit or without an org, and bursts to twice a raised one', () => {
    expect(keyLimitsOf({ settings: { keyRateLimit: 50 } } as never)).toBeNull();
    expect(keyLimitsOf(null)).toBeNull();
    expect(keyLimitsOf({ settings: { keyRateLimit: 400 } } as never)).toEqual({
      perSecond: 400,
      burst: 800,
      burstWindowSeconds: 10,
    });
  });
});
