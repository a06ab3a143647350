import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAKE_SETTINGS } from './brake-record.ts';
import { activeUsersNeeded, brakeEnabled, pastThreshold } from './brake-rule.ts';

describe('pastThreshold', () => {
  it('brakes past 50 users whatever the org size', () => {
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 50, 100_000)).toBe(false);
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 51, 100_000)).toBe(true);
  });

  it('brakes past 10 % of the active users', () => {
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 10, 100)).toBe(false);
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 11, 100)).toBe(true);
  });

  it('lets a small org deprovision a few people (the percent rule starts past the floor)', () => {
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 5, 8)).toBe(false);
    expect(pastThreshold(DEFAULT_BRAKE_SETTINGS, 6, 8)).toBe(true);
  });

  it('is off at 0, per rule and as a whole', () => {
    expect(pastThreshold({ percent: 0, count: 50 }, 40, 50)).toBe(false);
    expect(pastThreshold({ percent: 10, count: 0 }, 1_000, 1_000_000)).toBe(false);
    expect(brakeEnabled({ percent: 0, count: 0 })).toBe(false);
    expect(pastThreshold({ percent: 0, count: 0 }, 1_000, 1_000)).toBe(false);
  });
});

describe('activeUsersNeeded', () => {
  it('bounds the count of active users the percent rule must read', () => {
    expect(activeUsersNeeded(DEFAULT_BRAKE_SETTINGS, 5)).toBeNull();
    expect(activeUsersNeeded(DEFAULT_BRAKE_SETTINGS, 6)).toBe(60);
    expect(activeUsersNeeded({ percent: 0, count: 50 }, 20)).toBeNull();
  });
});
