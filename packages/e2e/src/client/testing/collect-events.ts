import { EventEmitter } from 'node:events';
import type { ProvisioClient, UserEvent } from '@provisio/client';

/** A running `events.onUserChange` subscription that keeps what it receives. */
export function collectEvents(client: ProvisioClient, lastEventId: string | null) {
  const events: UserEvent[] = [];
  const errors: unknown[] = [];
  const arrivals = new EventEmitter();
  let markStarted: () => void = () => undefined;
  /** Resolves once the server has accepted the stream (its SSE connection is open). */
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const sub = client.events.onUserChange.subscribe(
    { lastEventId },
    {
      onStarted: () => markStarted(),
      onData: ({ id, data }) => {
        events.push({ ...data, id });
        arrivals.emit('change');
      },
      onError: (error) => {
        errors.push(error);
        arrivals.emit('change');
      },
    },
  );
  /** Resolves with the first `count` events once they arrived, checked on each arrival; rejects with the stream's error, or after `timeoutMs`. */
  const until = (count: number, timeoutMs = 20_000) =>
    new Promise<UserEvent[]>((resolve, reject) => {
      const check = () => {
        const [error] = errors;
        if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        else if (events.length >= count) resolve(events.slice(0, count));
        else return;
        finish();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`got ${events.length} of ${count} events within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        arrivals.off('change', check);
      };
      arrivals.on('change', check);
      check();
    });
  return { events, errors, started, until, stop: () => sub.unsubscribe() };
}
