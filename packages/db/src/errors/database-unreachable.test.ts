import { expect, it } from 'vitest';
import { databaseUnavailable, isDatabaseUnreachable } from './database-unreachable.ts';

const named = (name: string, message = 'x', cause?: unknown) => Object.assign(new Error(message, { cause }), { name });

it('knows the driver errors of a database that cannot be reached, also as a cause', () => {
  expect(isDatabaseUnreachable(named('MongoServerSelectionError'))).toBe(true);
  expect(isDatabaseUnreachable(named('MongoNetworkError'))).toBe(true);
  expect(isDatabaseUnreachable(named('MongoPoolClearedError'))).toBe(true);
  expect(isDatabaseUnreachable(named('TRPCError', 'wrapped', named('MongoNetworkTimeoutError')))).toBe(true);
  expect(
    isDatabaseUnreachable(named('MongooseError', 'Operation `users.findOne()` buffering timed out after 10000ms')),
  ).toBe(true);
});

it('leaves every other failure alone', () => {
  expect(isDatabaseUnreachable(named('MongoServerError', 'E11000 duplicate key'))).toBe(false);
  expect(isDatabaseUnreachable(named('MongooseError', 'something else'))).toBe(false);
  expect(isDatabaseUnreachable(new TypeError('bug'))).toBe(false);
  expect(isDatabaseUnreachable(null)).toBe(false);
});

it('becomes a retryable UNAVAILABLE that keeps the driver text out of its message', () => {
  const error = databaseUnavailable(named('MongoNetworkError', 'connect ECONNREFUSED 127.0.0.1:27217'));
  expect(error).toMatchObject({ code: 'UNAVAILABLE', retryAfter: 5 });
  expect(error.message).not.toContain('27217');
});
