import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrafficBucket, TrafficSignal } from './traffic-record.ts';
import { createTrafficRecorder } from './traffic-recorder.ts';
import type { ScimTrafficStore } from './traffic-store.ts';

beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-12-03T10:59:59Z') }));
afterEach(() => void vi.useRealTimers());

function store() {
  const writes: { writer: string; buckets: TrafficBucket[] }[] = [];
  const traffic: ScimTrafficStore = {
    add: (writer, buckets) => Promise.resolve(void writes.push({ writer, buckets: structuredClone([...buckets]) })),
    read: () => Promise.resolve([]),
    sweep: () => Promise.resolve(0),
  };
  return { writes, traffic };
}

const signal = (over: Partial<TrafficSignal> = {}): TrafficSignal => ({
  orgId: 'o',
  keyId: 'k',
  at: new Date(),
  operation: 'users-create',
  status: 201,
  idp: 'okta',
  shapes: [],
  ...over,
});

describe('createTrafficRecorder', () => {
  it('writes nothing per request: one write per interval, one bucket per key and hour', async () => {
    const { writes, traffic } = store();
    const recorder = createTrafficRecorder({ store: traffic, writer: 'p1', flushMs: 5_000, onError: () => undefined });
    recorder.record(signal());
    recorder.record(
      signal({
        status: 409,
        shapes: ['username-conflict'],
        error: { at: new Date(), method: 'POST', path: '/Users', status: 409, scimType: 'uniqueness', detail: 'taken' },
      }),
    );
    recorder.record(signal({ at: new Date('2026-12-03T11:00:01Z') }));
    recorder.record(signal({ keyId: 'k2' }));
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.writer).toBe('p1');
    const [first] = writes[0]?.buckets ?? [];
    expect(writes[0]?.buckets).toHaveLength(3);
    expect(first).toMatchObject({
      keyId: 'k',
      hour: new Date('2026-12-03T10:00:00Z'),
      counts: { 'users-create:201': 1, 'users-create:409': 1 },
      shapes: { 'username-conflict': 1 },
      idps: { okta: 2 },
      lastErrors: [{ status: 409, detail: 'taken' }],
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toHaveLength(1);
    await recorder.stop();
  });

  it("keeps a share's whole error list across writes (capped at 10), since each write replaces it", async () => {
    const { writes, traffic } = store();
    const recorder = createTrafficRecorder({ store: traffic, writer: 'p1', onError: () => undefined });
    const failing = (n: number) =>
      signal({
        status: 400,
        error: { at: new Date(), method: 'POST', path: '/Users', status: 400, scimType: null, detail: `e${n}` },
      });
    for (let n = 1; n <= 8; n++) recorder.record(failing(n));
    await recorder.flush();
    for (let n = 9; n <= 12; n++) recorder.record(failing(n));
    await recorder.stop();
    expect(writes[1]?.buckets[0]?.counts).toEqual({ 'users-create:400': 4 });
    expect(writes[1]?.buckets[0]?.lastErrors.map((e) => e.detail)).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `e${n}`),
    );
  });

  it('reports a failed write and goes on', async () => {
    const errors: unknown[] = [];
    const recorder = createTrafficRecorder({
      store: { ...store().traffic, add: () => Promise.reject(new Error('down')) },
      writer: 'p1',
      onError: (err) => errors.push(err),
    });
    recorder.record(signal());
    await recorder.stop();
    expect(errors).toHaveLength(1);
  });
});
