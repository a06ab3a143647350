import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { deleteOldest } from '../writes/delete-oldest.ts';
import type { ClaimDoc } from './claim-model.ts';

const DUPLICATE_KEY = 11000;
const MAX_TAKEOVERS = 20;
/** How often a release the database could not take is tried again. */
const RELEASE_RETRY_MS = 500;
/** A marker claim (never stale) whose insert may have been lost is released for at most this long. */
const MAX_RELEASE_WINDOW_MS = 5 * 60_000;
/** A prune deletes this many claims at a time, at most this many times a run (the next run goes on). */
const PRUNE_BATCH = 1_000;
const PRUNE_MAX_BATCHES = 100;

export type Claims = {
  /**
   * Claims `key` for `holder` (default: a fresh one): true for exactly one caller, even under
   * concurrency. A claim older than `staleAfterMs` (its holder crashed before finishing) may be
   * taken over, again by exactly one caller, under the next key of its chain (`key#1`, `key#2`…).
   * When the insert fails without an answer (a cut connection), it may still have landed: it is
   * then released in the background once the database answers, instead of blocking `key`
   * until it goes stale.
   */
  take(key: string, options: { now: Date; staleAfterMs: number; holder?: string }): Promise<boolean>;
  /** Drops `key` if `holder` holds it; retried in the background while the database is away. Never throws. */
  release(key: string, holder: string): Promise<void>;
  /** Whether `key` is claimed (a marker that something was done once). */
  held(key: string): Promise<boolean>;
  /** Removes claims older than `before`, oldest first, up to 100,000 a call; returns how many. */
  prune(before: Date): Promise<number>;
};

/**
 * Compare-and-set built on a unique index. FerretDB 1.x runs a conditional update as a
 * query then a write with no isolation, so two `findOneAndUpdate({ version: v })` can both
 * "win"; a unique-key insert is atomic on FerretDB and MongoDB alike. Every state change
 * that must happen once (a version bump, an invite claim, a token use) takes a claim first.
 */
export function createClaims(model: Model<ClaimDoc>, reads: { sql?: SqlReads } = {}): Claims {
  /** Releases the database refused, by claim id and holder, until when they are worth trying. */
  const unreleased = new Map<string, { holder: string; until: number }>();
  let retrying: NodeJS.Timeout | undefined;
  let running = false;

  const drop = (id: string, holder: string) => model.deleteOne({ _id: id, holder });
  function releaseLater(id: string, holder: string, windowMs: number) {
    unreleased.set(`${id}\n${holder}`, { holder, until: Date.now() + Math.min(windowMs, MAX_RELEASE_WINDOW_MS) });
    retrying ??= setInterval(() => void retryReleases(), RELEASE_RETRY_MS).unref();
  }
  async function retryReleases() {
    if (running) return;
    running = true;
    for (const [entry, { holder, until }] of unreleased) {
      const id = entry.slice(0, entry.indexOf('\n'));
      // Past its window the claim is stale anyway: a takeover handles it.
      if (
        Date.now() > until ||
        (await drop(id, holder).then(
          () => true,
          () => false,
        ))
      )
        unreleased.delete(entry);
    }
    running = false;
    if (unreleased.size === 0) {
      clearInterval(retrying);
      retrying = undefined;
    }
  }

  return {
    async take(key, { now, staleAfterMs, holder = randomUUID() }) {
      for (let i = 0; i <= MAX_TAKEOVERS; i++) {
        const id = i === 0 ? key : `${key}#${i}`;
        try {
          await model.collection.insertOne({ _id: id, at: now, holder } as never);
          return true;
        } catch (error) {
          if ((error as { code?: number }).code !== DUPLICATE_KEY) {
            releaseLater(id, holder, staleAfterMs);
            throw error;
          }
        }
        const held = await model.findById(id).lean<ClaimDoc>();
        if (held && now.getTime() - held.at.getTime() < staleAfterMs) return false;
      }
      return false;
    },
    async release(key, holder) {
      await drop(key, holder).catch(() => releaseLater(key, holder, MAX_RELEASE_WINDOW_MS));
    },
    async held(key) {
      return (await model.exists({ _id: key })) !== null;
    },
    async prune(before) {
      let total = 0;
      for (let batch = 0; batch < PRUNE_MAX_BATCHES; batch++) {
        const deleted = await deleteOldest(model, reads.sql, { field: 'at', before }, PRUNE_BATCH);
        total += deleted;
        if (deleted < PRUNE_BATCH) break;
      }
      return total;
    },
  };
}
