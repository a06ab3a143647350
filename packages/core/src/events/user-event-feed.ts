import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error.ts';
import { USER_EVENT_TIMING } from './event-timing.ts';
import { OrgPoller } from './org-poller.ts';
import type { PollerDeps } from './org-poller.ts';
import { READ_BATCH, readSettled, resumePoint } from './resume-point.ts';
import type { UserEventDeps } from './resume-point.ts';
import type { UserEvent } from './user-event.ts';

export type UserEventFeedDeps = UserEventDeps & Partial<Pick<PollerDeps, 'wait' | 'pollMs' | 'inboxLimit'>>;

export type SubscribeOptions = {
  /** Resume strictly after this id (validated by resumePoint); absent: from the head. */
  lastEventId?: string | null;
  signal?: AbortSignal;
  /** Called before each lone read and after each poll; a throw ends the stream (e.g. the key was revoked). */
  stillAllowed?: () => Promise<void>;
};

export type UserEventFeed = {
  /** The org's user events after the resume point, oldest first, settled ones only, each once, until `signal` aborts. */
  subscribe(orgId: string, options?: SubscribeOptions): AsyncGenerator<UserEvent>;
  /**
   * Ends every subscription with UNAVAILABLE, which clients retry: they reconnect (to
   * another replica while this one shuts down) and resume from their last id. A later
   * subscribe starts afresh.
   */
  disconnectAll(): void;
};

const waitUnlessAborted = (ms: number, signal: AbortSignal) => sleep(ms, undefined, { signal }).catch(() => undefined);

/**
 * One poller per org in this process feeds every stream of that org. A subscriber behind
 * the poller (resuming from an older id, or dropped for reading too slowly) reads on its
 * own until it reaches the poller's cursor, then takes the poller's events; one ahead of
 * it skips what it has. The settle window applies to every read alike (readSettled).
 */
export function createUserEventFeed(deps: UserEventFeedDeps): UserEventFeed {
  const pollerDeps: PollerDeps = {
    wait: waitUnlessAborted,
    pollMs: USER_EVENT_TIMING.pollMs,
    inboxLimit: 1_000,
    ...deps,
  };
  const pollers = new Map<string, OrgPoller>();
  const pollerOf = (orgId: string): OrgPoller => {
    const existing = pollers.get(orgId);
    if (existing) return existing;
    const created = new OrgPoller(orgId, pollerDeps, (poller) => {
      if (pollers.get(orgId) === poller && poller.idle) pollers.delete(orgId);
    });
    pollers.set(orgId, created);
    return created;
  };

  async function* subscribe(orgId: string, options: SubscribeOptions = {}): AsyncGenerator<UserEvent> {
    const { signal, stillAllowed } = options;
    let cursor = resumePoint(deps.clock, options.lastEventId);
    while (!signal?.aborted) {
      const poller = pollerOf(orgId);
      const inbox = poller.attach();
      try {
        // Behind the poller: read alone up to where it was when we joined (it keeps the rest).
        while (cursor < inbox.from && !signal?.aborted) {
          await stillAllowed?.();
          const events = await readSettled(deps, orgId, cursor);
          for (const event of events) {
            yield event;
            cursor = event.id;
          }
          if (events.length < READ_BATCH) break;
        }
        for (;;) {
          const next = await inbox.next(signal);
          if (next === 'aborted') return;
          if (next === 'overflow') break;
          if (next === 'tick') await stillAllowed?.();
          else if (next.id > cursor) {
            yield next;
            cursor = next.id;
          }
        }
      } finally {
        poller.detach(inbox);
      }
    }
  }

  return {
    subscribe,
    disconnectAll() {
      const error = new AppError('UNAVAILABLE', {
        message: 'This server is shutting down: reconnect to resume from your last event id.',
      });
      for (const poller of pollers.values()) poller.failAll(error);
    },
  };
}
