import { AsyncResource } from 'node:async_hooks';

export type TimedBatchOptions<T> = {
  /** Sends one batch; it must not throw (report its own failures). */
  send: (batch: T[]) => Promise<void>;
  /** How long an item may wait for others to share its send. */
  maxDelayMs: number;
  /** This many waiting items are sent at once. */
  maxItems: number;
};

/**
 * Work that no request waits for, sent together: one `send` per batch, at most `maxDelayMs`
 * after the first item of it or as soon as `maxItems` wait, instead of a round trip each.
 * `flush` sends what is waiting and resolves once every batch sent so far has settled (a
 * process's stop calls it). A crash loses at most the waiting items. A batch is sent in the
 * async context its creator had (a process's start), never in that of the request whose item
 * started it: it is shared work, so no request's count (round trips, traces) includes it.
 */
export function createTimedBatch<T>({ send, maxDelayMs, maxItems }: TimedBatchOptions<T>) {
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inFlight = new Set<Promise<void>>();
  const creatorScope = new AsyncResource('TimedBatch');

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length) {
      const sent = send(batch).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    return Promise.all(inFlight).then(() => undefined);
  }

  return {
    add(item: T): void {
      waiting.push(item);
      if (waiting.length >= maxItems) void creatorScope.runInAsyncScope(flush);
      else timer ??= creatorScope.runInAsyncScope(() => setTimeout(() => void flush(), maxDelayMs));
    },
    flush,
  };
}
