import type { UserEvent } from './user-event.ts';

/** What `Inbox.next` hands out besides an event. */
export type InboxSignal = 'tick' | 'overflow' | 'aborted';

/**
 * What an org's poller has handed one subscriber and the subscriber has not yet taken.
 * Bounded: a subscriber that falls `limit` events behind is dropped by the poller and
 * catches up on its own reads instead (`overflow`), so a slow reader costs memory once.
 */
export class Inbox {
  private readonly queue: UserEvent[] = [];
  private overflowed = false;
  private failure: { error: unknown } | null = null;
  private ticked = false;
  private wake: (() => void) | null = null;

  /** `from`: the poller's cursor when this inbox joined; every later event reaches it. */
  constructor(
    readonly from: string,
    private readonly limit: number,
  ) {}

  /** False when the inbox is full: it then reports `overflow` and takes nothing more. */
  push(event: UserEvent): boolean {
    if (this.overflowed || this.queue.length >= this.limit) this.overflowed = true;
    else this.queue.push(event);
    this.notify();
    return !this.overflowed;
  }

  /** One poll went by (the subscriber re-checks its credential). */
  tick(): void {
    this.ticked = true;
    this.notify();
  }

  /** The poller failed or stopped: `next` throws `error` once the queue is drained. */
  fail(error: unknown): void {
    this.failure = { error };
    this.notify();
  }

  /** The next event, in order; else a signal. Waits until one of them is there. */
  async next(signal?: AbortSignal): Promise<UserEvent | InboxSignal> {
    for (;;) {
      if (signal?.aborted) return 'aborted';
      const event = this.queue.shift();
      if (event) return event;
      if (this.failure) throw this.failure.error;
      if (this.overflowed) return 'overflow';
      if (this.ticked) {
        this.ticked = false;
        return 'tick';
      }
      await this.waitForNews(signal);
    }
  }

  private waitForNews(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private notify(): void {
    this.wake?.();
  }
}
