import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error.ts';

export type VersionedUpdateOptions<T extends { version: number }, R> = LostRaceLimits & {
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
 * What a write answers when other writers kept winning: busy, retry (429, Retry-After 1).
 * Not CONFLICT: its 409 says `uniqueness` to an IdP, which reports the user as a duplicate
 * instead of retrying.
 */
export const busyWith = (what: string): AppError =>
  new AppError('RATE_LIMITED', { message: `${what} is being changed by other requests; retry shortly`, retryAfter: 1 });

export type LostRaceLimits = {
  maxAttempts?: number;
  /** Milliseconds of lost races after which it stops (default RETRY_BUDGET_MS). */
  budgetMs?: number;
  /** Milliseconds, monotonic (tests). */
  now?: () => number;
};

/**
 * The bound on one write's lost races, the same for every optimistic write: call the returned
 * function after each lost round; it backs off with full jitter, and throws `busyWith(what)`
 * once the attempts or the time budget have run out.
 */
export function lostRaces(
  what: string,
  { maxAttempts = 20, budgetMs = RETRY_BUDGET_MS, now = () => performance.now() }: LostRaceLimits = {},
): () => Promise<void> {
  const giveUpAt = now() + budgetMs;
  let lost = 0;
  return async () => {
    lost++;
    if (lost >= maxAttempts || now() > giveUpAt) throw busyWith(what);
    await conflictBackoff(lost - 1);
  };
}

/**
 * Optimistic concurrency without transactions: read, compute, conditional single-document
 * write, and on a lost race start again from the new version, within `lostRaces`' bound.
 */
export async function retryOnVersionConflict<T extends { version: number }, R>(
  options: VersionedUpdateOptions<T, R>,
): Promise<R> {
  const { what, ifMatchVersion } = options;
  const lose = lostRaces(what, options);
  for (let attempt = 0; ; attempt++) {
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
    await lose();
  }
}
