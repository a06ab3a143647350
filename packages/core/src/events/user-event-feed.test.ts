import { describe, expect, it, vi } from 'vitest';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventStore } from './user-event-store.ts';
import { createUserEventFeed } from './user-event-feed.ts';

const ORG = 'org-1';
const T0 = Date.parse('2026-03-01T12:00:00Z');

/** The events port in memory, with every read counted (the feed sees a store, nothing else). */
function countingStore() {
  const events: UserEvent[] = [];
  const reads: Array<{ after: string; before: string }> = [];
  let failure: Error | null = null;
  const store: UserEventStore = {
    append: (appended) => Promise.resolve(void events.push(...appended)),
    remove: () => Promise.resolve(),
    deleteBefore: () => Promise.resolve(0),
    listBetween(orgId, { after, before, limit }) {
      reads.push({ after, before });
      if (failure) return Promise.reject(failure);
      return Promise.resolve(
        events
          .filter((e) => e.orgId === orgId && e.id > after && e.id < before)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, limit),
      );
    },
  };
  const add = (at: number) => {
    const id = uuidV7(at);
    events.push({
      id,
      orgId: ORG,
      type: 'updated',
      userId: `u-${events.length}`,
      version: 1,
      at: new Date(at).toISOString(),
      user: null,
    });
    return id;
  };
  return { store, reads, add, fail: (error: Error) => void (failure = error) };
}

/** A clock the test sets, and a poll wait that only ends when the test ticks (or the poller stops). */
function harness(options: { inboxLimit?: number } = {}) {
  let now = T0;
  const waiting = new Set<() => void>();
  const wait = (_ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        waiting.delete(done);
        resolve();
      };
      waiting.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  const data = countingStore();
  const feed = createUserEventFeed({ events: data.store, clock: { now: () => new Date(now) }, wait, ...options });
  return {
    ...data,
    feed,
    /** Makes every event older than the settle window, then lets the poller run once. */
    tick: () => {
      now += USER_EVENT_TIMING.settleMs + 10;
      for (const done of [...waiting]) done();
    },
    polling: () => waiting.size > 0,
    now: () => now,
  };
}

/** Reads a subscription in the background. */
function reader(source: AsyncGenerator<UserEvent>) {
  const ids: string[] = [];
  const errors: unknown[] = [];
  const done = (async () => {
    try {
      for await (const event of source) ids.push(event.id);
    } catch (error) {
      errors.push(error);
    }
  })();
  return { ids, errors, done };
}

describe('the shared event feed', () => {
  it('reads the store once per poll for any number of subscribers of an org, and gives each every event once, in order', async () => {
    const h = harness();
    const ac = new AbortController();
    const readers = Array.from({ length: 8 }, () => reader(h.feed.subscribe(ORG, { signal: ac.signal })));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    const sent: string[] = [];
    const readsBefore = h.reads.length;
    for (let poll = 1; poll <= 5; poll++) {
      sent.push(h.add(h.now() - 100), h.add(h.now() - 50));
      h.tick();
      await vi.waitFor(() => expect(readers.every((r) => r.ids.length === sent.length)).toBe(true));
      await vi.waitFor(() => expect(h.polling()).toBe(true));
      expect(h.reads.length - readsBefore).toBe(poll);
    }
    for (const r of readers) expect(r.ids).toEqual(sent);
    ac.abort();
    await Promise.all(readers.map((r) => r.done));
  });

  it('lets subscribers resume from different ids: one behind catches up on its own reads, then joins', async () => {
    const h = harness();
    const old = [h.add(T0 - 60_000), h.add(T0 - 50_000), h.add(T0 - 40_000)];
    const ac = new AbortController();
    const live = reader(h.feed.subscribe(ORG, { signal: ac.signal }));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    const fromFirst = reader(h.feed.subscribe(ORG, { lastEventId: old[0] ?? '', signal: ac.signal }));
    const fromStart = reader(h.feed.subscribe(ORG, { lastEventId: uuidV7(T0 - 70_000), signal: ac.signal }));
    await vi.waitFor(() => expect(fromStart.ids).toEqual(old));
    expect(fromFirst.ids).toEqual(old.slice(1));
    const next = h.add(h.now() - 100);
    h.tick();
    await vi.waitFor(() =>
      expect([live.ids, fromFirst.ids, fromStart.ids]).toEqual([[next], [...old.slice(1), next], [...old, next]]),
    );
    ac.abort();
  });

  it('drops a subscriber that falls behind from the shared poll; it reads alone until it has caught up, missing nothing', async () => {
    const h = harness({ inboxLimit: 2 });
    const ac = new AbortController();
    const slow = h.feed.subscribe(ORG, { signal: ac.signal });
    const first = slow.next(); // attaches, then waits for an event
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    const sent = Array.from({ length: 5 }, (_, i) => h.add(h.now() - 500 + i));
    h.tick(); // the poll overflows the inbox after two events
    const got = [(await first).value?.id];
    for (let i = 1; i < 5; i++) got.push((await slow.next()).value?.id);
    expect(got).toEqual(sent);
    expect(h.reads.some((r) => r.after === sent[1])).toBe(true); // its own catch-up read, after the two it was handed
    ac.abort();
    await slow.return(undefined);
  });

  it('stops polling when its last subscriber leaves, and ends every subscriber when the store fails', async () => {
    const h = harness();
    const ac = new AbortController();
    const one = reader(h.feed.subscribe(ORG, { signal: ac.signal }));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    ac.abort();
    await one.done;
    await vi.waitFor(() => expect(h.polling()).toBe(false));
    const reads = h.reads.length;
    h.tick();
    expect(h.reads.length).toBe(reads);

    const a = reader(h.feed.subscribe(ORG));
    const b = reader(h.feed.subscribe(ORG));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    h.fail(new Error('database down'));
    h.tick();
    await Promise.all([a.done, b.done]);
    expect([a.errors, b.errors]).toEqual([[new Error('database down')], [new Error('database down')]]);
  });

  it('disconnects every subscriber with a retryable UNAVAILABLE (shutdown), and serves new ones afterwards', async () => {
    const h = harness();
    const a = reader(h.feed.subscribe(ORG));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    h.feed.disconnectAll();
    await a.done;
    expect(a.errors).toEqual([
      expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringMatching(/reconnect/) }),
    ]);
    const ac = new AbortController();
    const b = reader(h.feed.subscribe(ORG, { signal: ac.signal }));
    const id = h.add(h.now() - 100);
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    h.tick();
    await vi.waitFor(() => expect(b.ids).toEqual([id]));
    ac.abort();
  });

  it('ends a stream when stillAllowed throws, checked after each poll', async () => {
    const h = harness();
    let allowed = true;
    const stillAllowed = () => (allowed ? Promise.resolve() : Promise.reject(new Error('key revoked')));
    const r = reader(h.feed.subscribe(ORG, { stillAllowed }));
    await vi.waitFor(() => expect(h.polling()).toBe(true));
    allowed = false;
    h.tick();
    await r.done;
    expect(r.errors).toEqual([new Error('key revoked')]);
  });
});
