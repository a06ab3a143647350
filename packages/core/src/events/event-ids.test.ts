import { expect, it } from 'vitest';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { createEventIdGenerator, eventIdFloor, timeOfEventId } from './event-ids.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import { lifecycleType } from './lifecycle-type.ts';
import { resumePoint } from './resume-point.ts';

it('makes strictly increasing UUIDv7s within one millisecond and across a clock step back', () => {
  const next = createEventIdGenerator();
  const ids = [
    ...Array.from({ length: 5000 }, () => next(1_700_000_000_000)),
    next(1_699_999_999_000),
    next(1_700_000_000_001),
  ];
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
    true,
  );
});

it('floors: every id of that millisecond or later sorts at or above the floor, earlier ones below', () => {
  const t = 1_700_000_000_123;
  expect(uuidV7(t) >= eventIdFloor(t)).toBe(true);
  expect(uuidV7(t - 1) < eventIdFloor(t)).toBe(true);
  expect(timeOfEventId(eventIdFloor(t))).toBe(t);
  expect(timeOfEventId('not-an-id')).toBeNaN();
});

it.each([
  [null, 'invited', 'created'],
  ['invited', null, 'deleted'],
  ['active', 'deactivated', 'deactivated'],
  ['deactivated', 'invited', 'reactivated'],
  ['deactivated', 'deactivated', 'updated'],
  ['invited', 'active', 'updated'],
] as const)('%s → %s is %s', (before, after, type) => {
  expect(lifecycleType(before, after)).toBe(type);
});

it('refuses malformed and expired resume ids with a clear reason', () => {
  const clock = { now: () => new Date('2026-03-01T00:00:00Z') };
  expect(() => resumePoint(clock, 'abc')).toThrow(
    expect.objectContaining({ code: 'BAD_REQUEST', scimType: 'invalidCursor' }),
  );
  const old = uuidV7(new Date('2026-01-15T00:00:00Z').getTime());
  expect(() => resumePoint(clock, old)).toThrow(
    expect.objectContaining({ scimType: 'expiredCursor', message: expect.stringMatching(/resync/) }),
  );
  const recent = uuidV7(new Date('2026-02-20T00:00:00Z').getTime());
  expect(resumePoint(clock, recent)).toBe(recent);
});

it('re-publishes a late append before readers can have passed its id', () => {
  expect(USER_EVENT_TIMING.guardMs).toBeLessThan(USER_EVENT_TIMING.settleMs);
});
