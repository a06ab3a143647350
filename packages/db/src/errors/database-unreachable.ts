import { AppError } from '@provisio/core';

/** The driver's errors that mean "no database to talk to right now", not "this request is wrong". */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** Seconds a client should wait before retrying: about one server selection. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Whether `error` (or one of its causes) says the database is unreachable: its connection
 * was cut, refused, or no server could be selected in time. Such a request may succeed when
 * retried, so it is a 503 with Retry-After, never a 500.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { name, message, cause } = e as { name?: unknown; message?: unknown; cause?: unknown };
    if (typeof name === 'string' && UNREACHABLE.has(name)) return true;
    // mongoose's own: an operation that waited for a connection that never came.
    if (name === 'MongooseError' && typeof message === 'string' && /buffering timed out/.test(message)) return true;
    e = cause;
  }
  return false;
}

/** The domain error for an unreachable database (the driver's text stays in the cause: it names hosts and ports). */
export const databaseUnavailable = (cause: unknown) =>
  new AppError('UNAVAILABLE', {
    message: 'The database is unreachable: retry shortly',
    retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    cause,
  });
