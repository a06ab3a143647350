import { lostRaces } from '@provisio/core';
import type { VersionClaims } from '../versioning/claim-version.ts';

/** A holder that crashed releases nothing: its lock may be taken over after this long. */
const STALE_AFTER_MS = 30_000;
const MAX_ROUNDS = 25;

/**
 * Short locks on values (e.g. a unique extension value of one org), built on claims: a
 * check-then-write runs by one request at a time per value, so two writers of the same value
 * cannot both see it free. Waits a few seconds at most, then answers busy, retry (`lostRaces`).
 */
export function createValueLocks(vc: VersionClaims) {
  return {
    async withLocks<T>(keys: readonly string[], now: () => Date, run: () => Promise<T>): Promise<T> {
      const held: string[] = [];
      const release = () => Promise.all(held.map((key) => vc.model.deleteOne({ _id: key })));
      try {
        // Sorted, so two requests locking the same values never wait on each other in a circle.
        for (const key of [...new Set(keys)].sort()) {
          const lose = lostRaces('a unique value', { maxAttempts: MAX_ROUNDS });
          while (!(await vc.claims.take(key, { now: now(), staleAfterMs: STALE_AFTER_MS }))) await lose();
          held.push(key);
        }
        return await run();
      } finally {
        await release();
      }
    },
  };
}
export type ValueLocks = ReturnType<typeof createValueLocks>;
