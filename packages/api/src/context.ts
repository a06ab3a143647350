import type { Clock, Principal } from '@provisio/core';
import type { AuditCollector } from '@provisio/core/audit';
import type { StreamLeases, UserEventFeed } from '@provisio/core/events';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { Queue } from 'bullmq';

/** Everything a procedure may use. Tests build it directly; HTTP derives `auth` from the request. */
export type InnerContextOptions = {
  db: Db;
  logger: Logger;
  clock: Clock;
  /** Producer side of the job queue; absent in contexts that never enqueue. */
  queue?: Queue;
  /** Base URL the outside world reaches this server at (for links and SCIM `meta.location`). */
  publicUrl: string;
  auth: Principal | null;
  requestId?: string;
  /** Where procedures append what they change; written as one audit event (SCIM request or tRPC mutation). */
  audit?: AuditCollector;
  /** The process's event feed (one poller per org) and the replicas' shared stream leases; absent where no stream is served. */
  streams?: EventStreams;
  /** Signs and checks list cursors (`deriveListCursorKey` of the admin token): the same on every replica. */
  listCursorKey: string;
  /** SHA-256 of the configured platform admin token: a platform web session opened with another one has ended. */
  platformTokenHash?: string;
  /** The door the call came in by, set by the server (never by a caller): the SCIM adapter says `scim`; absent means `trpc`. */
  surface?: 'scim' | 'trpc';
  /** `WEBHOOK_ALLOW_PRIVATE_TARGETS`: webhook URLs may name private and loopback addresses (tests). Default false. */
  allowPrivateWebhookTargets?: boolean;
};

export type EventStreams = { feed: UserEventFeed; leases: StreamLeases };

export type Context = InnerContextOptions;

export function createInnerContext(options: InnerContextOptions): Context {
  return { ...options };
}
