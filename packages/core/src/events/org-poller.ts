import { Inbox } from './inbox.ts';
import { READ_BATCH, readSettled, userEventHead } from './resume-point.ts';
import type { UserEventDeps } from './resume-point.ts';

export type PollerDeps = UserEventDeps & {
  /** Waits between polls (until `signal` aborts it); tests pass a ticker they drive. */
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  pollMs: number;
  /** Events an inbox may hold before its subscriber is left to catch up alone. */
  inboxLimit: number;
};

/**
 * One org's reader in this process: it reads the org's settled events once per poll and
 * hands each to every attached inbox, so N streams of the org cost one query per poll.
 * Starts at the head with its first inbox and stops (`onIdle`) with its last.
 */
export class OrgPoller {
  private readonly inboxes = new Set<Inbox>();
  private cursor: string;
  private running = false;
  private sleeping: AbortController | null = null;

  constructor(
    private readonly orgId: string,
    private readonly deps: PollerDeps,
    private readonly onIdle: (poller: OrgPoller) => void,
  ) {
    this.cursor = userEventHead(deps.clock);
  }

  get idle(): boolean {
    return this.inboxes.size === 0;
  }

  attach(): Inbox {
    const inbox = new Inbox(this.cursor, this.deps.inboxLimit);
    this.inboxes.add(inbox);
    if (!this.running) {
      this.running = true;
      void this.run();
    }
    return inbox;
  }

  detach(inbox: Inbox): void {
    this.inboxes.delete(inbox);
    if (this.idle) this.sleeping?.abort();
  }

  /** Ends every attached subscription with `error` and stops. */
  failAll(error: unknown): void {
    for (const inbox of this.inboxes) inbox.fail(error);
    this.inboxes.clear();
    this.sleeping?.abort();
  }

  private async run(): Promise<void> {
    try {
      while (!this.idle) {
        const events = await readSettled(this.deps, this.orgId, this.cursor);
        for (const event of events) {
          for (const inbox of this.inboxes) if (!inbox.push(event)) this.inboxes.delete(inbox);
          this.cursor = event.id;
        }
        for (const inbox of this.inboxes) inbox.tick();
        if (events.length < READ_BATCH && !this.idle) await this.sleep();
      }
    } catch (error) {
      this.failAll(error);
    } finally {
      this.running = false;
      this.onIdle(this);
    }
  }

  private async sleep(): Promise<void> {
    this.sleeping = new AbortController();
    await this.deps.wait(this.deps.pollMs, this.sleeping.signal);
    this.sleeping = null;
  }
}
