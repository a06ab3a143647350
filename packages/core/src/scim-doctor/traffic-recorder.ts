import { countKey, hourOf, HOUR_MS, MAX_ERRORS_KEPT } from './traffic-record.ts';
import type { ScimErrorEntry, TrafficBucket, TrafficSignal } from './traffic-record.ts';
import type { ScimTrafficStore } from './traffic-store.ts';

export type TrafficRecorderOptions = {
  store: ScimTrafficStore;
  /** This process's name for its shares of the buckets (unique per process). */
  writer: string;
  /** How often the counts gathered in memory are written (default 5 s). */
  flushMs?: number;
  /** A failed write: its counts are dropped (the doctor is a diagnosis, not a ledger). */
  onError: (err: unknown) => void;
};

const bucketId = (signal: TrafficSignal) => `${signal.orgId}:${signal.keyId}:${hourOf(signal.at).getTime()}`;

/**
 * The SCIM doctor's recorder: a request costs a few map updates in memory; every `flushMs`
 * one write adds the gathered counts to this process's hourly shares (`$inc`). The error
 * list of each share is kept here whole (this process is the share's only writer) and
 * written with it, so no read is ever needed.
 */
export function createTrafficRecorder({ store, writer, flushMs = 5_000, onError }: TrafficRecorderOptions) {
  let pending = new Map<string, TrafficBucket>();
  /** Each share's error list as last written, for the hours still being written. */
  const errorLists = new Map<string, ScimErrorEntry[]>();
  let writing: Promise<void> = Promise.resolve();

  function record(signal: TrafficSignal): void {
    const id = bucketId(signal);
    let bucket = pending.get(id);
    if (!bucket) {
      bucket = {
        orgId: signal.orgId,
        keyId: signal.keyId,
        hour: hourOf(signal.at),
        counts: {},
        shapes: {},
        idps: {},
        lastSuccessAt: null,
        lastErrors: errorLists.get(id) ?? [],
      };
      pending.set(id, bucket);
    }
    const key = countKey(signal.operation, signal.status);
    bucket.counts[key] = (bucket.counts[key] ?? 0) + 1;
    for (const shape of signal.shapes) bucket.shapes[shape] = (bucket.shapes[shape] ?? 0) + 1;
    bucket.idps[signal.idp] = (bucket.idps[signal.idp] ?? 0) + 1;
    if (signal.status < 400 && (!bucket.lastSuccessAt || signal.at > bucket.lastSuccessAt))
      bucket.lastSuccessAt = signal.at;
    if (signal.error) {
      bucket.lastErrors = [...bucket.lastErrors, signal.error].slice(-MAX_ERRORS_KEPT);
      errorLists.set(id, bucket.lastErrors);
    }
  }

  async function write(buckets: TrafficBucket[]) {
    try {
      await store.add(writer, buckets);
    } catch (err) {
      onError(err);
    }
  }

  /** Writes what was gathered (one write, after the previous one settled). */
  function flush(): Promise<void> {
    const buckets = [...pending.values()];
    pending = new Map();
    // Error lists of hours no longer written to are not needed again.
    const oldest = Date.now() - 2 * HOUR_MS;
    for (const [id, list] of errorLists) if ((list.at(-1)?.at.getTime() ?? 0) < oldest) errorLists.delete(id);
    writing = writing.then(() => (buckets.length ? write(buckets) : undefined));
    return writing;
  }

  const timer = setInterval(() => void flush(), flushMs);
  timer.unref();
  return {
    record,
    flush,
    /** Stops the timer and writes what waits (the server's stop). */
    async stop(): Promise<void> {
      clearInterval(timer);
      await flush();
    },
  };
}

export type TrafficRecorder = ReturnType<typeof createTrafficRecorder>;
