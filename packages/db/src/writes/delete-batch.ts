import { createTimedBatch } from '@provisio/core';
import type { Model } from 'mongoose';

export type DeleteBatchOptions = {
  /** How long a delete may wait for others to share its command. */
  maxDelayMs?: number;
  /** This many waiting deletes are sent at once. */
  maxDeletes?: number;
  /** A batch that failed: its rows stay, for the sweep that owns them. */
  onError?: (error: unknown) => void;
};

/**
 * Deletes of single documents that no request needs to wait for (an intent closed once its
 * event is stored, a superseded version claim), sent together: one `delete` command with a
 * statement per document instead of a round trip each. Every statement is an `_id`
 * equality, which FerretDB serves from its index. Every row deleted here has a sweep that
 * settles it when a crash leaves it behind. `flush` sends what is waiting (the db's `close`).
 */
export function createDeleteBatch(
  collection: Model<never>['collection'],
  { maxDelayMs = 20, maxDeletes = 500, onError = () => undefined }: DeleteBatchOptions = {},
) {
  const batch = createTimedBatch<{ _id: string; orgId?: string }>({
    maxDelayMs,
    maxItems: maxDeletes,
    send: (filters) =>
      collection
        .bulkWrite(
          filters.map((filter) => ({ deleteOne: { filter: filter as never } })),
          { ordered: false },
        )
        .then(() => undefined, onError),
  });
  return {
    /** Deletes the document `filter` names (its `_id`, and its `orgId` where the collection has one), soon. */
    delete: (filter: { _id: string; orgId?: string }) => batch.add(filter),
    flush: () => batch.flush(),
  };
}

export type DeleteBatch = ReturnType<typeof createDeleteBatch>;
