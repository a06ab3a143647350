import { isAppError } from '@provisio/core';
import { TRPCError } from '@trpc/server';

const lostRace = (error: unknown) =>
  (error instanceof TRPCError && isAppError(error.cause) && error.cause.code === 'PRECONDITION_FAILED') ||
  (isAppError(error) && error.code === 'PRECONDITION_FAILED');

/**
 * Runs a read-apply-conditional-write. With a client `If-Match` the precondition is the
 * client's and a mismatch is its 412. Without one, the precondition is the version just
 * read, and losing it to a concurrent writer means "read again and re-apply", bounded.
 */
export async function withVersionRetry<T>(clientVersion: number | undefined, attempt: (expected: number | undefined) => Promise<T>, maxAttempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt(clientVersion);
    } catch (error) {
      if (clientVersion !== undefined || !lostRace(error) || i >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** i)));
    }
  }
}
