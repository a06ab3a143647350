import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimedBatch } from './timed-batch.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function recorder() {
  const sent: number[][] = [];
  const batch = createTimedBatch<number>({
    send: (items) => Promise.resolve(void sent.push(items)),
    maxDelayMs: 20,
    maxItems: 3,
  });
  return { sent, batch };
}

describe('createTimedBatch', () => {
  it('sends what waits together, maxDelayMs after the first item', async () => {
    const { sent, batch } = recorder();
    batch.add(1);
    await vi.advanceTimersByTimeAsync(10);
    batch.add(2);
    await vi.advanceTimersByTimeAsync(9);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[1, 2]]);
  });

  it('sends at once when maxItems wait, and starts a new window after', async () => {
    const { sent, batch } = recorder();
    for (const n of [1, 2, 3, 4]) batch.add(n);
    expect(sent).toEqual([[1, 2, 3]]);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual([[1, 2, 3], [4]]);
  });

  it('flush sends what waits and resolves once every batch sent so far has settled', async () => {
    let release = () => undefined as void;
    const settled: number[][] = [];
    const batch = createTimedBatch<number>({
      send: (items) => new Promise<void>((resolve) => (release = () => resolve(void settled.push(items)))),
      maxDelayMs: 20,
      maxItems: 10,
    });
    batch.add(1);
    let flushed = false;
    const flushing = batch.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(settled).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).toEqual([[1]]);
  });

  it("sends in its creator's async context, never in that of the caller whose item started the batch", async () => {
    const request = new AsyncLocalStorage<string>();
    const seenBy: (string | undefined)[] = [];
    const batch = createTimedBatch<number>({
      send: () => Promise.resolve(void seenBy.push(request.getStore())),
      maxDelayMs: 20,
      maxItems: 2,
    });
    request.run('request 1', () => batch.add(1));
    await vi.advanceTimersByTimeAsync(20);
    request.run('request 2', () => {
      batch.add(2);
      batch.add(3);
    });
    expect(seenBy).toEqual([undefined, undefined]);
  });
});
