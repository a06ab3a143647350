import type { Model } from 'mongoose';
import type { ClaimDoc } from './claim-model.ts';

const DUPLICATE_KEY = 11000;
const MAX_TAKEOVERS = 20;

export type Claims = {
  /**
   * Claims `key` for the caller: true for exactly one caller, even under concurrency. A
   * claim older than `staleAfterMs` (its holder crashed before finishing) may be taken
   * over, again by exactly one caller, under the next key of its chain (`key#1`, `key#2`…).
   */
  take(key: string, options: { now: Date; staleAfterMs: number }): Promise<boolean>;
  /** Whether `key` is claimed (a marker that something was done once). */
  held(key: string): Promise<boolean>;
  /** Removes claims older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
};

/**
 * Compare-and-set built on a unique index. FerretDB 1.x runs a conditional update as a
 * query then a write with no isolation, so two `findOneAndUpdate({ version: v })` can both
 * "win"; a unique-key insert is atomic on FerretDB and MongoDB alike. Every state change
 * that must happen once (a version bump, an invite claim, a token use) takes a claim first.
 */
export function createClaims(model: Model<ClaimDoc>): Claims {
  return {
    async take(key, { now, staleAfterMs }) {
      for (let i = 0; i <= MAX_TAKEOVERS; i++) {
        const id = i === 0 ? key : `${key}#${i}`;
        try {
          await model.collection.insertOne({ _id: id, at: now } as never);
          return true;
        } catch (error) {
          if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        }
        const held = await model.findById(id).lean<ClaimDoc>();
        if (held && now.getTime() - held.at.getTime() < staleAfterMs) return false;
      }
      return false;
    },
    async held(key) {
      return (await model.exists({ _id: key })) !== null;
    },
    async prune(before) {
      const { deletedCount } = await model.deleteMany({ at: { $lt: before } });
      return deletedCount;
    },
  };
}
