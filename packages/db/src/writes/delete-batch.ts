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
 * statement per document, at most `maxDelayMs` after the first, instead of a round trip
 * each. Every statement is an `_id` equality, which FerretDB serves from its index. A crash
 * loses at most the waiting ones, and every row deleted here has a sweep that settles it
 * when it is left behind. `flush` sends what is waiting (the db's `close` calls it).
 */
export function createDeleteBatch(
  collection: Model<never>['collection'],
  { maxDelayMs = 20, maxDeletes = 500, onError = () => undefined }: DeleteBatchOptions = {},
) {
  let waiting: Array<{ _id: string; orgId?: string }> = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length) {
      const sent = collection
        .bulkWrite(
          batch.map((filter) => ({ deleteOne: { filter: filter as never } })),
          { ordered: false },
        )
        .then(() => undefined, onError)
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    return Promise.all(inFlight).then(() => undefined);
  }

  return {
    /** Deletes the document `filter` names (its `_id`, and its `orgId` where the collection has one), soon. */
    delete(filter: { _id: string; orgId?: string }): void {
      waiting.push(filter);
      if (waiting.length >= maxDeletes) void flush();
      else timer ??= setTimeout(() => void flush(), maxDelayMs);
    },
    flush,
  };
}

export type DeleteBatch = ReturnType<typeof createDeleteBatch>;
