import type { ProvisioClient, UserEvent } from '@provisio/client';

/** A running `events.onUserChange` subscription that keeps what it receives. */
export function collectEvents(client: ProvisioClient, lastEventId: string | null) {
  const events: UserEvent[] = [];
  const errors: unknown[] = [];
  let markStarted: () => void = () => undefined;
  /** Resolves once the server has accepted the stream (its SSE connection is open). */
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const sub = client.events.onUserChange.subscribe(
    { lastEventId },
    { onStarted: () => markStarted(), onData: ({ id, data }) => void events.push({ ...data, id }), onError: (error) => void errors.push(error) },
  );
  /** Resolves once `count` events arrived in total (or rejects after `timeoutMs`). */
  const until = async (count: number, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (events.length < count && errors.length === 0) {
      if (Date.now() > deadline) throw new Error(`got ${events.length} of ${count} events`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (errors.length) throw errors[0];
    return events.slice(0, count);
  };
  return { events, errors, started, until, stop: () => sub.unsubscribe() };
}
