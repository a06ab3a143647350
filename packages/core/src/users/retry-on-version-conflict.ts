import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error.ts';

export type VersionedUpdateOptions<T extends { version: number }, R> = {
  /** `user`, `group`: for messages. */
  what: string;
  /** Reads the current state; null when it does not exist. */
  load(): Promise<T | null>;
  /** The state the caller has just read (null: not found): serves the first attempt instead of `load`. */
  read?: T | null;
  /** Writes the next state if the version is still `current.version`; null when it moved. */
  attempt(current: T): Promise<R | null>;
  /** A client precondition (`If-Match`): a mismatch fails at once, it is never retried. */
  ifMatchVersion?: number;
  maxAttempts?: number;
  /** Milliseconds of lost races after which it stops (default RETRY_BUDGET_MS). */
  budgetMs?: number;
  /** Milliseconds, monotonic (tests). */
  now?: () => number;
};

/**
 * How long a write keeps retrying lost races before it answers "busy, retry" (429 with
 * Retry-After): an admitted request must not spin for many seconds on a contended document
 * while the database is slow (each round is a read, a claim and a write). Nothing was
 * written by a lost round, so the client's retry starts clean.
 */
export const RETRY_BUDGET_MS = 3_000;

/** Full jitter, capped at 200 ms: contenders that lost a round spread out instead of colliding again. */
export const conflictBackoff = (attempt: number): Promise<void> =>
  sleep(Math.random() * Math.min(200, 4 * 2 ** attempt));

/**
 * Optimistic concurrency without transactions: read, compute, conditional single-document
 * write, and on a lost race start again from the new version. Bounded, with full jitter
 * so that contenders spread out; gives up with CONFLICT.
 */
export async function retryOnVersionConflict<T extends { version: number }, R>(
  options: VersionedUpdateOptions<T, R>,
): Promise<R> {
  const { what, ifMatchVersion, maxAttempts = 20, budgetMs = RETRY_BUDGET_MS, now = () => performance.now() } = options;
  const giveUpAt = now() + budgetMs;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0 && now() > giveUpAt)
      throw new AppError('RATE_LIMITED', {
        message: `${what} is being changed by other requests; retry shortly`,
        retryAfter: 1,
      });
    const current = attempt === 0 && options.read !== undefined ? options.read : await options.load();
    if (!current) throw new AppError('NOT_FOUND', { message: `${what} not found` });
    if (ifMatchVersion !== undefined && current.version !== ifMatchVersion) {
      throw new AppError('PRECONDITION_FAILED', {
        message: `${what} is at version ${current.version}, not ${ifMatchVersion}`,
      });
    }
    const result = await options.attempt(current);
    if (result !== null) return result;
    if (ifMatchVersion !== undefined) {
      throw new AppError('PRECONDITION_FAILED', { message: `${what} changed while it was being updated` });
    }
    await conflictBackoff(attempt);
  }
  throw new AppError('CONFLICT', { message: `${what} kept changing; gave up after ${maxAttempts} attempts` });
}
